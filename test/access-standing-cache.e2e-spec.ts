import { waitFor } from '@gds/testing';
import { TestApp, startTestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { createUser, login, loginAdmin, TestPerson } from './support/people';
import { AccessStandingCache } from '../src/identity/access-standing-cache';
import { Notification } from 'pg';
import { ACCESS_STANDING_LISTENER_NAME, ACCESS_STANDING_PROBE_PREFIX, AccessStandingListener } from '../src/identity/access-standing-listener.service';

const CHECK = 'access:current-principal';

/**
 * The access standing cache (issue 23, reads p99): a repeated request of a (user, session) sends no
 * access-check statement, and yet every standing change applies to the next request — at once when
 * this process made it, as soon as the NOTIFY arrives when another process did (here: direct SQL),
 * and at once while the listener is down (bypassed) or just back (cleared).
 */
describe('access standing cache', () => {
  let t: TestApp;
  let admin: TestPerson;
  const counter = new StatementCounter();

  beforeAll(async () => {
    // The cap (300 s): an entry outlives any wait below, so a change seen in time came through the notification, not the maximum age.
    t = await startTestApp({ role: 'api', env: { ACCESS_STANDING_CACHE_SECONDS: '300' } });
    counter.install();
    admin = await loginAdmin(t.api);
  });
  /** Lets a reconnection held by a test go on, whatever the test's outcome (the app could not close otherwise). */
  let releaseHeld: (() => void) | undefined;
  afterEach(() => {
    releaseHeld?.();
    releaseHeld = undefined;
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    counter.uninstall();
    await t?.close();
  });

  const enrollments = (token: string) => counter.during(() => t.api.get('/api/v1/me/enrollments', token));
  const usersList = (token: string) => t.api.get('/api/v1/users?limit=1', token);
  /**
   * Deaf to users' notifications: what applies at once then is this process forgetting at commit
   * (read-your-writes). Its self-probes are still heard, so the feed stays live; `check()` asserts it
   * did (same backend, answering): a reconnection, which clears the cache, would make a test pass
   * without read-your-writes.
   */
  const deafListener = () => {
    const cache = t.get<AccessStandingCache>(AccessStandingCache);
    const listener = t.get<AccessStandingListener>(AccessStandingListener) as unknown as { heard: (m: Notification) => void; backendPid: number | undefined };
    const original = listener.heard.bind(listener);
    const pid = listener.backendPid;
    expect(cache.answering).toBe(true);
    jest.spyOn(listener, 'heard').mockImplementation((message: Notification) => {
      if (message.payload?.startsWith(ACCESS_STANDING_PROBE_PREFIX)) original(message);
    });
    return {
      check: () => {
        expect(listener.backendPid).toBe(pid);
        expect(cache.answering).toBe(true);
      },
    };
  };

  it('a second request with the same token sends no access-check statement; GET /me keeps its one statement', async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const first = await enrollments(erin.token);
    expect(first.result.status).toBe(200);
    expect(first.names[0]).toBe(CHECK);
    const second = await enrollments(erin.token);
    expect(second.result.status).toBe(200);
    expect(second.names).not.toContain(CHECK);
    const me = await counter.during(() => t.api.get('/api/v1/me', erin.token));
    expect(me.result.status).toBe(200);
    expect(me.names).toEqual(['access:current-principal-with-profile']);
    // Another session of the same user is its own entry.
    const other = await login(t.api, erin.email, erin.password);
    expect((await enrollments(other.accessToken)).names[0]).toBe(CHECK);
  });

  it('sign-out: the old access token is refused on the very next request', async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const deaf = deafListener();
    expect((await enrollments(erin.token)).result.status).toBe(200);
    expect((await enrollments(erin.token)).names).not.toContain(CHECK);
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: erin.refreshToken }, erin.token)).status).toBe(204);
    const after = await enrollments(erin.token);
    expect(after.result.status).toBe(401);
    expect(after.result.body.detail).toContain('session has ended');
    deaf.check();
  });

  it("an admin's deactivation and role changes apply to the target's very next request, notification or not", async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const deaf = deafListener();
    expect((await usersList(erin.token)).status).toBe(403);
    expect((await usersList(erin.token)).status).toBe(403);
    expect((await t.api.patch(`/api/v1/users/${erin.id}/roles`, { roles: ['trainee', 'admin'], reason: 'test' }, admin.token)).status).toBe(200);
    expect((await usersList(erin.token)).status).toBe(200);
    expect((await usersList(erin.token)).status).toBe(200);
    expect((await t.api.patch(`/api/v1/users/${erin.id}/roles`, { roles: ['trainee'], reason: 'test' }, admin.token)).status).toBe(200);
    expect((await usersList(erin.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/users/${erin.id}/deactivate`, { reason: 'left' }, admin.token)).status).toBe(200);
    const refused = await enrollments(erin.token);
    expect(refused.result.status).toBe(401);
    expect(refused.result.body.detail).toContain('not active');
    deaf.check();
  });

  it('an upper-case id in the URL changes the same user: the role change applies to their very next request', async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const deaf = deafListener();
    expect((await usersList(erin.token)).status).toBe(403);
    expect((await usersList(erin.token)).status).toBe(403);
    const granted = await t.api.patch(`/api/v1/users/${erin.id.toUpperCase()}/roles`, { roles: ['trainee', 'admin'], reason: 'test' }, admin.token);
    expect(granted.status).toBe(200);
    expect(granted.body.id).toBe(erin.id);
    expect((await usersList(erin.token)).status).toBe(200);
    expect((await t.api.post(`/api/v1/users/${erin.id.toUpperCase()}/deactivate`, { reason: 'left' }, admin.token)).status).toBe(200);
    expect((await enrollments(erin.token)).result.status).toBe(401);
    deaf.check();
  });

  it('an admin cannot deactivate themselves nor remove their own admin role by writing their id in upper case', async () => {
    const ada = await createUser(t.api, admin.token, ['admin']);
    const upper = ada.id.toUpperCase();
    const deactivate = await t.api.post(`/api/v1/users/${upper}/deactivate`, { reason: 'oops' }, ada.token);
    expect(deactivate.status).toBe(422);
    expect(deactivate.body.type).toContain('self-deactivation');
    const demote = await t.api.patch(`/api/v1/users/${upper}/roles`, { roles: ['trainee'], reason: 'oops' }, ada.token);
    expect(demote.status).toBe(422);
    expect(demote.body.type).toContain('last-admin');
    const [row] = await t.dataSource.query('SELECT active, roles FROM app_user WHERE id = $1', [ada.id]);
    expect(row).toEqual({ active: true, roles: ['admin'] });
    expect((await usersList(ada.token)).status).toBe(200);
  });

  it("a password change ends the user's other session on its very next request, notification or not", async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const other = await login(t.api, erin.email, erin.password);
    const deaf = deafListener();
    for (let i = 0; i < 2; i++) expect((await enrollments(other.accessToken)).result.status).toBe(200);
    expect((await enrollments(other.accessToken)).names).not.toContain(CHECK);
    expect((await t.api.post('/api/v1/me/password', { currentPassword: erin.password, newPassword: 'changed-pass-phrase' }, erin.token)).status).toBe(200);
    const refused = await enrollments(other.accessToken);
    expect(refused.result.status).toBe(401);
    expect(refused.result.body.detail).toContain('session has ended');
    // The session that changed it goes on.
    expect((await enrollments(erin.token)).result.status).toBe(200);
    deaf.check();
  });

  it("a reactivation applies to the user's very next request, notification or not", async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    expect((await enrollments(erin.token)).result.status).toBe(200);
    // Deactivated by SQL, so the session is not revoked (the API's deactivation revokes every session) and the token can stand again.
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [erin.id]);
    await waitFor(async () => (await enrollments(erin.token)).result.status === 401, { what: 'the deactivation by SQL to apply' });
    const deaf = deafListener();
    // The refusal is answered from the cache now.
    const cached = await enrollments(erin.token);
    expect(cached.result.status).toBe(401);
    expect(cached.names).not.toContain(CHECK);
    expect((await t.api.post(`/api/v1/users/${erin.id}/reactivate`, { reason: 'back' }, admin.token)).status).toBe(200);
    expect((await enrollments(erin.token)).result.status).toBe(200);
    deaf.check();
  });

  it("a refresh token's replay ends its family: the family's access token is refused on its very next request, notification or not", async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const session = await login(t.api, erin.email, erin.password);
    const deaf = deafListener();
    const rotated = await t.api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(rotated.status).toBe(200);
    const access = rotated.body.accessToken as string;
    expect((await enrollments(access)).result.status).toBe(200);
    expect((await enrollments(access)).names).not.toContain(CHECK);
    // Past the grace window, as far as the database can tell (no revocation: notifies nothing).
    await t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 hour' WHERE id = $1`, [session.refreshToken.split('.')[0]]);
    expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    const refused = await enrollments(access);
    expect(refused.result.status).toBe(401);
    expect(refused.result.body.detail).toContain('session has ended');
    // Erin's other session stands.
    expect((await enrollments(erin.token)).result.status).toBe(200);
    deaf.check();
  });

  it('a change made by direct SQL (as another process would) applies once its notification arrives', async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    expect((await usersList(erin.token)).status).toBe(403);
    expect((await enrollments(erin.token)).names).not.toContain(CHECK);
    await t.dataSource.query(`UPDATE app_user SET roles = '{trainee,admin}' WHERE id = $1`, [erin.id]);
    await waitFor(async () => (await usersList(erin.token)).status === 200, { what: 'the role granted by SQL to apply' });
    await t.dataSource.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [erin.id]);
    await waitFor(async () => (await usersList(erin.token)).status === 401, { what: 'the session revoked by SQL to end the token' });
    const bob = await createUser(t.api, admin.token, ['trainee']);
    expect((await enrollments(bob.token)).result.status).toBe(200);
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [bob.id]);
    await waitFor(async () => (await enrollments(bob.token)).result.status === 401, { what: 'the deactivation by SQL to apply' });
  });

  it('ordinary writes (a profile edit, a refresh spending its token) notify nothing', async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const listener = t.get<AccessStandingListener>(AccessStandingListener);
    const pid = listener.backendPid;
    // A LISTEN of our own on the same channel hears whatever the app's listener would.
    const own = await t.dataSource.createQueryRunner();
    await own.connect();
    const heard: string[] = [];
    const client = (own as unknown as { databaseConnection: import('pg').Client }).databaseConnection;
    // The listeners' self-probes are heard too; they are not the writes'.
    client.on('notification', (n) => {
      if (!n.payload?.startsWith(ACCESS_STANDING_PROBE_PREFIX)) heard.push(String(n.payload));
    });
    try {
      await own.query('LISTEN gds_access_standing');
      expect((await t.api.patch('/api/v1/me', { displayName: 'Erin' }, erin.token)).status).toBe(200);
      expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: erin.refreshToken })).status).toBe(200);
      // A marker change after them: once it is heard, anything the writes before it sent was heard too.
      await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [erin.id]);
      await waitFor(() => heard.includes(erin.id), { what: 'the marker notification' });
      expect(heard).toEqual([erin.id]);
    } finally {
      await own.query('UNLISTEN *');
      await own.release();
    }
    expect(listener.backendPid).toBe(pid);
  });

  it("with the listener's backend killed, a direct SQL change applies at once (bypass, then cleared), and caching resumes once it is back", async () => {
    const cache = t.get<AccessStandingCache>(AccessStandingCache);
    const listener = t.get<AccessStandingListener>(AccessStandingListener);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    expect((await enrollments(erin.token)).result.status).toBe(200);
    expect((await enrollments(erin.token)).names).not.toContain(CHECK);
    const pid = listener.backendPid!;
    expect(pid).toEqual(expect.any(Number));
    // The reconnection is held until the checks below are done, so they run while the feed is down.
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const reconnecting = listener as unknown as { connect: () => Promise<void> };
    const connect = reconnecting.connect.bind(listener);
    const attempts = jest.spyOn(reconnecting, 'connect').mockImplementation(async () => {
      await held;
      return connect();
    });
    const [{ killed }] = await t.dataSource.query(
      'SELECT count(*)::int AS killed FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND pid = $2) k',
      [ACCESS_STANDING_LISTENER_NAME, pid],
    );
    expect(killed).toBe(1);
    await waitFor(() => attempts.mock.calls.length > 0, { what: 'the listener to notice its backend is gone and try again' });
    expect(cache.answering).toBe(false);
    expect(listener.backendPid).toBeUndefined();
    // Made with no listener to hear it: the next request must still see it, and the one after.
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [erin.id]);
    for (let i = 0; i < 2; i++) {
      const down = await enrollments(erin.token);
      expect(down.result.status).toBe(401);
      expect(down.names[0]).toBe(CHECK);
    }
    expect(cache.size).toBe(0);
    releaseHeld!();

    await waitFor(() => cache.answering && listener.backendPid !== undefined && listener.backendPid !== pid, { what: 'the listener to LISTEN again' });
    const [{ listening }] = await t.dataSource.query('SELECT count(*)::int AS listening FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [ACCESS_STANDING_LISTENER_NAME]);
    expect(listening).toBe(1);
    const bob = await createUser(t.api, admin.token, ['trainee']);
    expect((await enrollments(bob.token)).names[0]).toBe(CHECK);
    expect((await enrollments(bob.token)).names).not.toContain(CHECK);
    // And the new connection hears changes.
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [bob.id]);
    await waitFor(async () => (await enrollments(bob.token)).result.status === 401, { what: 'the deactivation by SQL to apply after the reconnection' });
  });

  it('a feed that stops delivering (its self-probe not heard) is treated as lost and LISTENed again', async () => {
    const cache = t.get<AccessStandingCache>(AccessStandingCache);
    const listener = t.get<AccessStandingListener>(AccessStandingListener);
    const pid = listener.backendPid;
    expect(cache.answering).toBe(true);
    // Deaf to everything, the probes too: as a connection that answers statements but delivers no notification.
    const deaf = jest.spyOn(listener as unknown as { heard: () => void }, 'heard').mockImplementation(() => undefined);
    await waitFor(() => !cache.answering || listener.backendPid !== pid, { what: 'the unheard probe to end the feed' });
    deaf.mockRestore();
    await waitFor(() => cache.answering && listener.backendPid !== undefined && listener.backendPid !== pid, { what: 'the listener to LISTEN again' });
  });

  it("stays bypassed while a trigger of the migration is missing, and goes live once it is back", async () => {
    const cache = t.get<AccessStandingCache>(AccessStandingCache);
    const listener = t.get<AccessStandingListener>(AccessStandingListener);
    const pid = listener.backendPid!;
    await t.dataSource.query('ALTER TABLE refresh_token DISABLE TRIGGER refresh_token_standing_changed');
    try {
      await t.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      await waitFor(() => listener.backendPid !== undefined && listener.backendPid !== pid, { what: 'the listener to connect again' });
      expect(cache.answering).toBe(false);
      const erin = await createUser(t.api, admin.token, ['trainee']);
      for (let i = 0; i < 2; i++) expect((await enrollments(erin.token)).names[0]).toBe(CHECK);
    } finally {
      await t.dataSource.query('ALTER TABLE refresh_token ENABLE TRIGGER refresh_token_standing_changed');
    }
    // The probe looks again each round.
    await waitFor(() => cache.answering, { what: 'the cache to go live once the trigger is back' });
  });

  // Late: it empties refresh_token for the whole file's database.
  it('a TRUNCATE (as a restore script might) clears every entry: its notification is *', async () => {
    const cache = t.get<AccessStandingCache>(AccessStandingCache);
    const listener = t.get<AccessStandingListener>(AccessStandingListener);
    const pid = listener.backendPid;
    const erin = await createUser(t.api, admin.token, ['trainee']);
    expect((await enrollments(erin.token)).result.status).toBe(200);
    expect(cache.size).toBeGreaterThan(0);
    await t.dataSource.query('TRUNCATE refresh_token');
    await waitFor(() => cache.size === 0, { what: 'the TRUNCATE notification to clear the cache' });
    // Cleared by the notification, not by a reconnection.
    expect(listener.backendPid).toBe(pid);
    expect(cache.answering).toBe(true);
  });

  // Last: a second app in this process takes over @Transactional()'s transaction host, which is gone once it closes.
  it('ACCESS_STANDING_CACHE_SECONDS=0: no listener, every request checked', async () => {
    const off = await startTestApp({ role: 'api', database: t.database, env: { ACCESS_STANDING_CACHE_SECONDS: '0' } });
    try {
      const [{ listening }] = await t.dataSource.query('SELECT count(*)::int AS listening FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [ACCESS_STANDING_LISTENER_NAME]);
      expect(listening).toBe(1); // the first app's only
      const erin = await createUser(off.api, admin.token, ['trainee']);
      for (let i = 0; i < 2; i++) {
        const { result, names } = await counter.during(() => off.api.get('/api/v1/me/enrollments', erin.token));
        expect(result.status).toBe(200);
        expect(names[0]).toBe(CHECK);
      }
    } finally {
      await off.close();
    }
  });
});
