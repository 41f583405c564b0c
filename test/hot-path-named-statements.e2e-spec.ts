import { startTestApp, TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { createUser, loginAdmin } from './support/people';

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

  it('GET /me: the access check and the profile read, two named statements', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const { result, names } = await counter.during(() => t.api.get('/api/v1/me', erin.token));
    expect(result.status).toBe(200);
    expect(result.body.id).toBe(erin.id);
    expect(names).toEqual(['access:current-principal', 'identity:profile-by-id']);
  });

  it('POST /auth/refresh: one named statement', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const { result, names } = await counter.during(() => t.api.post('/api/v1/auth/refresh', { refreshToken: erin.refreshToken }));
    expect(result.status).toBe(200);
    expect(names).toEqual(['identity:rotate-unspent-refresh-token']);
  });
});
