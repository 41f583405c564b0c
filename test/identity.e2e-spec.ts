import { SignJWT } from 'jose';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, login, loginAdmin } from './support/people';

describe('identity: accounts, tokens, roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(() => t.close());

  it('registers a trainee, with email unique regardless of case, and never shows the hash', async () => {
    const registered = await t.api.post('/api/v1/auth/register', { email: 'Rosa@Example.test', password: 'a-long-pass-phrase', displayName: 'Rosa' });
    expect(registered.status).toBe(201);
    expect(registered.body.roles).toEqual(['trainee']);
    expect(JSON.stringify(registered.body)).not.toMatch(/hash|argon/i);
    const again = await t.api.post('/api/v1/auth/register', { email: 'rosa@example.TEST', password: 'another-pass-phrase', displayName: 'Rosa 2' });
    expect(again.status).toBe(409);
    const tokens = await login(t.api, 'ROSA@example.test', 'a-long-pass-phrase');
    const me = await t.api.get('/api/v1/me', tokens.accessToken);
    expect(me.body).toMatchObject({ email: 'Rosa@Example.test', roles: ['trainee'] });
    expect(JSON.stringify(me.body)).not.toMatch(/password/i);
  });

  it('refuses short, long and common passwords', async () => {
    for (const password of ['short1', 'x'.repeat(129), 'password123', 'Qwerty123']) {
      const answer = await t.api.post('/api/v1/auth/register', { email: `p${password.length}@example.test`, password, displayName: 'P' });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe('password');
    }
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const unknown = await t.api.post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever-pass' });
    const wrong = await t.api.post('/api/v1/auth/login', { email: 'rosa@example.test', password: 'whatever-pass' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const { requestId: _a, ...a } = unknown.body;
    const { requestId: _b, ...b } = wrong.body;
    expect(a).toEqual(b);
  });

  it('rotates refresh tokens and revokes the family when a rotated one is reused after the grace window', async () => {
    const first = await login(t.api, 'rosa@example.test', 'a-long-pass-phrase');
    const second = await t.api.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // The grace window (REFRESH_REUSE_GRACE_SECONDS) has passed, as far as the database can tell.
    await t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 hour' WHERE id = $1`, [first.refreshToken.split('.')[0]]);
    const reuse = await t.api.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    // The thief's reuse also burnt the legitimate newer token.
    expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
  });

  it('logs out: that refresh token family stops working', async () => {
    const tokens = await login(t.api, 'rosa@example.test', 'a-long-pass-phrase');
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken }, tokens.accessToken)).status).toBe(204);
    expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('lets admins create users with roles, change roles (audited) and deactivate them', async () => {
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor'], { gender: 'female', birthYear: 1995, district: 'Cayo', employer: 'other' });
    const created = await t.api.get(`/api/v1/users/${instructor.id}`, admin.token);
    expect(created.body).toMatchObject({ roles: ['instructor'], gender: 'female', birthYear: 1995, district: 'Cayo' });

    const changed = await t.api.patch(`/api/v1/users/${instructor.id}/roles`, { roles: ['instructor', 'reviewer'], reason: 'joins the consortium panel' }, admin.token);
    expect(changed.status).toBe(200);
    expect((await t.api.get('/api/v1/me', instructor.token)).body.roles).toEqual(['instructor', 'reviewer']);
    const audit = await t.api.get(`/api/v1/users/${instructor.id}/role-changes`, admin.token);
    expect(audit.body.nextCursor).toBeNull();
    expect(audit.body.items[0]).toMatchObject({ action: 'roles', rolesBefore: ['instructor'], rolesAfter: ['instructor', 'reviewer'], actorId: admin.id });

    expect((await t.api.post(`/api/v1/users/${instructor.id}/deactivate`, { reason: 'left' }, admin.token)).status).toBe(200);
    expect((await t.api.get('/api/v1/me', instructor.token)).status).toBe(401);
    expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: instructor.refreshToken })).status).toBe(401);
    expect((await t.api.post('/api/v1/auth/login', { email: instructor.email, password: instructor.password })).status).toBe(401);
  });

  it('keeps user management to admins', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.get('/api/v1/users', trainee.token)).status).toBe(403);
    expect((await t.api.post('/api/v1/users', { email: 'x@example.test', displayName: 'X', roles: ['admin'] }, trainee.token)).status).toBe(403);
    expect((await t.api.get('/api/v1/users')).status).toBe(401);
    expect((await t.api.patch(`/api/v1/users/${trainee.id}/roles`, { roles: ['admin'] }, trainee.token)).status).toBe(403);
  });

  it('refuses a role or other privileged fields slipped into self-service bodies', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const answer = await t.api.patch('/api/v1/me', { displayName: 'New', roles: ['admin'] }, trainee.token);
    expect(answer.status).toBe(400);
    expect((await t.api.get('/api/v1/me', trainee.token)).body).toMatchObject({ roles: ['trainee'], displayName: 'Test trainee' });
  });

  it('refuses a null display name (found by the fuzz: it was a 500) but lets null clear a profile field', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee'], { district: 'Toledo' });
    const refused = await t.api.patch('/api/v1/me', { displayName: null }, trainee.token);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await t.api.patch('/api/v1/me', { district: null }, trainee.token)).body).toMatchObject({ district: null, displayName: 'Test trainee' });
  });

  // The emails themselves, and their links working once, are in account-recovery.e2e-spec.ts (with a worker and an SMTP sink).
  it('invites a user without a password by email: the answer and the queued job hold no token', async () => {
    const admin = await loginAdmin(t.api);
    const created = await t.api.post('/api/v1/users', { email: 'invited@example.test', displayName: 'Invited', roles: ['trainee'] }, admin.token);
    expect(created.status).toBe(201);
    expect(created.body.invitationToken).toBeUndefined();
    expect(Date.parse(created.body.invitationExpiresAt)).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000);
    const [invitation] = await t.dataSource.query('SELECT id, secret_hash FROM invitation WHERE user_id = $1', [created.body.id]);
    expect(invitation.secret_hash).toBeNull();
    const jobs = await t.dataSource.query(`SELECT payload FROM outbox_message WHERE job_name = 'send-account-email' AND payload->>'id' = $1`, [invitation.id]);
    expect(jobs.map((j: { payload: unknown }) => j.payload)).toEqual([{ kind: 'invitation', id: invitation.id }]);
    expect((await t.api.post('/api/v1/auth/login', { email: 'invited@example.test', password: 'whatever-pass' })).status).toBe(401);
    // Nobody holds a token before the worker sends the email: not even a guess of the unminted one works.
    expect((await t.api.post('/api/v1/auth/invitations/accept', { token: `${invitation.id}.x`, password: 'my-new-pass-phrase' })).status).toBe(422);
  });

  it('lets admins send a new invitation (imported accounts); earlier ones stop working', async () => {
    const admin = await loginAdmin(t.api);
    const created = await t.api.post('/api/v1/users', { email: 'reinvited@example.test', displayName: 'Reinvited', roles: ['trainee'] }, admin.token);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/users/${created.body.id}/invitations`, undefined, trainee.token)).status).toBe(403);
    expect((await t.api.post('/api/v1/users/00000000-0000-4000-8000-000000000000/invitations', undefined, admin.token)).status).toBe(404);
    const fresh = await t.api.post(`/api/v1/users/${created.body.id}/invitations`, undefined, admin.token);
    expect(fresh.status).toBe(202);
    expect(fresh.body).toEqual({ userId: created.body.id, expiresAt: expect.any(String) });
    const invitations = await t.dataSource.query('SELECT expires_at > now() AS open FROM invitation WHERE user_id = $1 ORDER BY created_at', [created.body.id]);
    expect(invitations).toEqual([{ open: false }, { open: true }]);
  });

  it('lists users with cursor pagination', async () => {
    const admin = await loginAdmin(t.api);
    for (let i = 0; i < 3; i++) await createUser(t.api, admin.token, ['reviewer']);
    const first = await t.api.get('/api/v1/users?role=reviewer&limit=2', admin.token);
    expect(first.body.items).toHaveLength(2);
    const second = await t.api.get(`/api/v1/users?role=reviewer&limit=2&cursor=${first.body.nextCursor}`, admin.token);
    expect(second.body.items.length).toBeGreaterThanOrEqual(1);
    expect(second.body.items.map((u: { id: string }) => u.id)).not.toContain(first.body.items[0].id);
    expect((await t.api.get('/api/v1/users?cursor=garbage!', admin.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/users?limit=1000', admin.token)).status).toBe(400);
  });

  it('finds the one user with an exact e-mail (case aside), never a partial match, for admins only', async () => {
    const admin = await loginAdmin(t.api);
    const tag = Date.now().toString(36);
    const make = (email: string) => t.api.post('/api/v1/users', { email, displayName: 'Exact match', roles: ['trainee'] }, admin.token);
    const ana = (await make(`Ana.${tag}@Example.test`)).body;
    await make(`diana.${tag}@example.test`);
    await make(`ana.${tag}@example.test.org`);
    const byEmail = (email: string, token = admin.token, extra = '') => t.api.get(`/api/v1/users?email=${encodeURIComponent(email)}${extra}`, token);

    const found = await byEmail(`  ana.${tag}@EXAMPLE.test `);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ items: [expect.objectContaining({ id: ana.id, email: `Ana.${tag}@Example.test` })], nextCursor: null });
    // With the other filters: the role narrows it, as q would.
    expect((await byEmail(`ana.${tag}@example.test`, admin.token, '&role=trainee')).body.items.map((u: { id: string }) => u.id)).toEqual([ana.id]);
    expect((await byEmail(`ana.${tag}@example.test`, admin.token, '&role=reviewer')).body).toEqual({ items: [], nextCursor: null });
    // Unknown: an empty page, not a 404 (nor the partial matches q would give).
    expect((await byEmail(`na.${tag}@example.test`)).body).toEqual({ items: [], nextCursor: null });
    expect((await byEmail(`nobody.${tag}@example.test`)).body).toEqual({ items: [], nextCursor: null });

    // Bad input is a problem+json 400 on the field: not an e-mail, blank, over-long, repeated.
    for (const bad of ['ana', `ana.${tag}@`, '%', ' ', `${'a'.repeat(250)}@example.test`]) {
      const refused = await byEmail(bad);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('email');
    }
    expect((await t.api.get(`/api/v1/users?email=a@example.test&email=b@example.test`, admin.token)).status).toBe(400);

    // Admins only, as the route is.
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    expect((await byEmail(`ana.${tag}@example.test`, instructor.token)).status).toBe(403);
  });

  it('refuses forged, expired and misaddressed tokens', async () => {
    const admin = await loginAdmin(t.api);
    const secret = new TextEncoder().encode(t.config.JWT_SECRET);
    const sign = (claims: { iss?: string; aud?: string; exp?: number; nbf?: number }, key = secret) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(admin.id)
        .setIssuer(claims.iss ?? t.config.JWT_ISSUER)
        .setAudience(claims.aud ?? t.config.JWT_AUDIENCE)
        .setIssuedAt()
        .setNotBefore(claims.nbf ?? Math.floor(Date.now() / 1000) - 5)
        .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 60)
        .sign(key);
    const none = (() => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: admin.id, iss: t.config.JWT_ISSUER, aud: t.config.JWT_AUDIENCE, exp: Date.now() / 1000 + 60 })}.`;
    })();
    const attacks = [
      none,
      await sign({}, new TextEncoder().encode('a-different-secret-of-enough-length-000')),
      await sign({ exp: Math.floor(Date.now() / 1000) - 10 }),
      await sign({ nbf: Math.floor(Date.now() / 1000) + 600 }),
      await sign({ aud: 'someone-else' }),
      await sign({ iss: 'someone-else' }),
    ];
    for (const token of attacks) expect((await t.api.get('/api/v1/me', token)).status).toBe(401);
    expect((await t.api.get('/api/v1/me', await sign({}))).status).toBe(200);
  });
});

describe('identity: login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.api.post('/api/v1/auth/login', { email: 'x@example.test', password: 'whatever-pass' })).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});
