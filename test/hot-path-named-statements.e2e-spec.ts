import { startTestApp, TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { createUser, login, loginAdmin } from './support/people';

/**
 * The load run's hottest requests send their statements as named prepared statements (parsed once
 * per pooled connection: libs/database/src/named-statement.ts, issue 23's Postgres CPU), and no
 * more statements than before. A refactor back to plain text would pass every other test.
 */
describe('hot paths: named statements', () => {
  let t: TestApp;
  const counter = new StatementCounter();

  beforeAll(async () => {
    // The api role: no relay or worker polls in the count.
    t = await startTestApp({ role: 'api' });
    counter.install();
  });
  afterAll(async () => {
    counter.uninstall();
    await t.close();
  });

  it('GET /me: one named statement, the access check answering the profile', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee'], { district: 'Cayo' });
    const { result, names } = await counter.during(() => t.api.get('/api/v1/me', erin.token));
    expect(result.status).toBe(200);
    expect(names).toEqual(['access:current-principal-with-profile']);
    // The same profile as the separate profile read answers (PATCH /me answers through it).
    const patched = await t.api.patch('/api/v1/me', { displayName: 'Test trainee' }, erin.token);
    expect(patched.status).toBe(200);
    expect(result.body).toEqual(patched.body);
    expect(result.body).toMatchObject({ id: erin.id, email: erin.email, roles: ['trainee'], district: 'Cayo' });
  });

  it('GET /me still refuses at once an ended session or a deactivated account (the same statement checks both)', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const other = await login(t.api, erin.email, erin.password);
    expect((await t.api.get('/api/v1/me', erin.token)).status).toBe(200);
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: erin.refreshToken }, erin.token)).status).toBe(204);
    const ended = await t.api.get('/api/v1/me', erin.token);
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toContain('session has ended');
    expect((await t.api.get('/api/v1/me', other.accessToken)).status).toBe(200);
    expect((await t.api.post(`/api/v1/users/${erin.id}/deactivate`, { reason: 'left' }, admin.token)).status).toBe(200);
    const inactive = await t.api.get('/api/v1/me', other.accessToken);
    expect(inactive.status).toBe(401);
    expect(inactive.body.detail).toContain('not active');
  });

  it('POST /auth/refresh: one named statement', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const { result, names } = await counter.during(() => t.api.post('/api/v1/auth/refresh', { refreshToken: erin.refreshToken }));
    expect(result.status).toBe(200);
    expect(names).toEqual(['identity:rotate-unspent-refresh-token']);
  });
});
