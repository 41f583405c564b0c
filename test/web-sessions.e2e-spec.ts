import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { Browser, BrowserAnswer } from './support/browser-client';
import { databaseFingerprint } from './support/db-snapshot';

const ORIGIN = 'https://academy.example.test';

/** Issue 13 item 2: browser sessions with an HttpOnly refresh cookie, reloads, tabs, sign-out, CSRF defences. */
describe('browser sessions (cookie mode)', () => {
  let t: TestApp;
  let admin: TestPerson;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { PUBLIC_BASE_URL: `${ORIGIN}/` } });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  const browser = () => new Browser(t.url, ORIGIN);
  const cookieOf = (answer: BrowserAnswer) => answer.setCookies.find((c) => c.startsWith('gds_refresh='));
  /** The tokens of the session a refresh token belongs to: how many, how many revoked. */
  const familyOf = async (token: string) =>
    (await t.dataSource.query(
      `SELECT count(*)::int AS tokens, count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked
         FROM refresh_token WHERE family_id = (SELECT family_id FROM refresh_token WHERE id = $1)`,
      [token.split('.')[0]],
    ))[0];
  const backdateUse = (token: string) =>
    t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 hour' WHERE id = $1`, [token.split('.')[0]]);

  it('signs in: the refresh token only in an HttpOnly, Secure, SameSite=Strict cookie scoped to /api/v1/auth', async () => {
    const person = await createUser(t.api, admin.token, ['trainee', 'instructor']);
    const tab = browser().tab();
    const answer = await tab.signIn(person.email, person.password);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: t.config.ACCESS_TOKEN_TTL_SECONDS,
      tokenType: 'Bearer',
      sessionExpiresAt: expect.any(String),
      user: { id: person.id, displayName: 'Test trainee+instructor', roles: ['trainee', 'instructor'], language: 'en' },
    });
    expect(answer.text).not.toContain('refreshToken');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const cookie = cookieOf(answer)!;
    const value = /^gds_refresh=([^;]+)/.exec(cookie)![1];
    expect(answer.text).not.toContain(value);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']) expect(cookie).toContain(attribute);
    // As long as the refresh token lives (a second or two of the request may have passed).
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(t.config.REFRESH_TOKEN_TTL_SECONDS - 30);
    expect((await tab.get('/api/v1/me')).body).toMatchObject({ id: person.id, language: 'en' });
    // The cookie never travels to routes outside /api/v1/auth.
    expect(await tab.browser.jar.getCookieString(`${t.url}/api/v1/me`)).toBe('');
  });

  it('survives a reload: the cookie refreshes into a new access token (and a rotated cookie)', async () => {
    const person = await createUser(t.api, admin.token);
    const b = browser();
    const tab = b.tab();
    await tab.signIn(person.email, person.password);
    const before = await b.refreshCookie();
    tab.reload();
    expect((await tab.get('/api/v1/me')).status).toBe(401);
    const refreshed = await tab.refresh();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(person.id);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    expect(await b.refreshCookie()).not.toBe(before);
    expect((await tab.get('/api/v1/me')).body.id).toBe(person.id);
  });

  it('works in two tabs at once: parallel refreshes of the same cookie get the same successor and the session goes on', async () => {
    const person = await createUser(t.api, admin.token);
    const b = browser();
    const [one, two] = [b.tab(), b.tab()];
    await one.signIn(person.email, person.password);
    for (let round = 0; round < 3; round++) {
      one.reload();
      two.reload();
      const answers = await Promise.all([one.refresh(), two.refresh()]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(cookieOf(answers[0])).toBe(cookieOf(answers[1]));
      for (const tab of [one, two]) expect((await tab.get('/api/v1/me')).body.id).toBe(person.id);
    }
    // One token per round (not one per tab), none revoked.
    expect(await familyOf((await b.refreshCookie())!)).toEqual({ tokens: 4, revoked: 0 });
  });

  it('answers a tab that presents the cookie late (after the other tab rotated twice) the session’s current token', async () => {
    const person = await createUser(t.api, admin.token);
    const b = browser();
    const tab = b.tab();
    await tab.signIn(person.email, person.password);
    const first = (await b.refreshCookie())!;
    await tab.refresh();
    await tab.refresh();
    const current = (await b.refreshCookie())!;
    const late = new Browser(t.url, ORIGIN);
    await late.jar.setCookie(`gds_refresh=${first}; Path=/api/v1/auth; Secure; HttpOnly; SameSite=Strict`, `${t.url}/api/v1/auth/web/refresh`);
    expect((await late.tab().refresh()).status).toBe(200);
    expect(await late.refreshCookie()).toBe(current);
    expect(await familyOf(current)).toEqual({ tokens: 3, revoked: 0 });
  });

  it('gives partners the same grace: two parallel refreshes of one token in the body answer one successor', async () => {
    const person = await createUser(t.api, admin.token);
    const answers = await Promise.all([0, 1].map(() => t.api.post('/api/v1/auth/refresh', { refreshToken: person.refreshToken })));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0].body.refreshToken).toBe(answers[1].body.refreshToken);
    expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: answers[0].body.refreshToken })).status).toBe(200);
  });

  it('still revokes the whole session when a used cookie comes back after the grace window', async () => {
    const person = await createUser(t.api, admin.token);
    const b = browser();
    const tab = b.tab();
    await tab.signIn(person.email, person.password);
    const stolen = (await b.refreshCookie())!;
    expect((await tab.refresh()).status).toBe(200);
    await backdateUse(stolen);
    const thief = new Browser(t.url, ORIGIN);
    await thief.jar.setCookie(`gds_refresh=${stolen}; Path=/api/v1/auth; Secure; HttpOnly; SameSite=Strict`, `${t.url}/api/v1/auth/web/refresh`);
    const replay = await thief.tab().refresh();
    expect(replay.status).toBe(401);
    expect(replay.body.type).toMatch(/invalid-refresh-token$/);
    expect(cookieOf(replay)).toMatch(/Max-Age=0/);
    // The legitimate tab loses the session too: its cookie and its access token.
    expect((await tab.get('/api/v1/me')).status).toBe(401);
    expect((await tab.refresh()).status).toBe(401);
  });

  it('signs out: the cookie is cleared, the session (its refresh family and access tokens) ends', async () => {
    const person = await createUser(t.api, admin.token);
    const b = browser();
    const tab = b.tab();
    await tab.signIn(person.email, person.password);
    const cookie = (await b.refreshCookie())!;
    const other = b.tab();
    expect((await other.refresh()).status).toBe(200);
    const out = await tab.signOut();
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ended: true });
    expect(cookieOf(out)).toMatch(/^gds_refresh=;.*Max-Age=0/);
    expect(await b.refreshCookie()).toBeUndefined();
    expect((await tab.refresh()).status).toBe(401);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect(await familyOf(cookie)).toEqual({ tokens: 2, revoked: 2 });
    // The partner session of the same person (createUser signed in with tokens) is another session: it goes on.
    expect((await t.api.get('/api/v1/me', person.token)).status).toBe(200);
    expect((await tab.signOut()).body).toEqual({ ended: false });
  });

  it('refuses a wrong password without setting a cookie, and a refresh without a cookie', async () => {
    const person = await createUser(t.api, admin.token);
    const tab = browser().tab();
    const wrong = await tab.signIn(person.email, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(cookieOf(wrong)).toBeUndefined();
    const none = await tab.refresh();
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  describe('cross-site requests (403, nothing changes)', () => {
    let person: TestPerson;
    let b: Browser;
    beforeAll(async () => {
      person = await createUser(t.api, admin.token);
      b = browser();
      await b.tab().signIn(person.email, person.password);
    });

    const attempts: Array<[string, Record<string, string>, string]> = [
      ['without the X-GDS-Client header', { 'x-gds-client': '' }, 'web-client-header-required'],
      ['from another site', { origin: 'https://evil.example' }, 'cross-origin-request'],
      ['from a sibling sub-domain (same site)', { origin: 'https://app.academy.example.test' }, 'cross-origin-request'],
      ['without an Origin', { origin: '' }, 'cross-origin-request'],
      ['with cross-site fetch metadata', { 'sec-fetch-site': 'cross-site' }, 'cross-origin-request'],
    ];

    it.each(attempts)('refuses sign-in, refresh and sign-out %s', async (_what, headers, slug) => {
      const cookie = await b.refreshCookie();
      const fingerprint = await databaseFingerprint(t.dataSource);
      const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== '')) as Record<string, string>;
      const without = Object.keys(headers).filter((k) => headers[k] === '');
      for (const [path, body] of [['login', { email: person.email, password: person.password }], ['refresh', undefined], ['logout', undefined]] as const) {
        const answer = await rawRequest(b, `/api/v1/auth/web/${path}`, clean, without, body);
        expect(answer.status).toBe(403);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(answer.text).type).toMatch(new RegExp(`/${slug}$`));
        expect(answer.headers.getSetCookie()).toEqual([]);
      }
      expect(await databaseFingerprint(t.dataSource)).toEqual(fingerprint);
      expect(await b.refreshCookie()).toBe(cookie);
    });

    it('refuses a cross-site HTML form outright, and the session still refreshes afterwards', async () => {
      const cookie = (await b.refreshCookie())!;
      const form = await fetch(`${t.url}/api/v1/auth/web/refresh`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie: `gds_refresh=${cookie}` },
        body: 'a=1',
      });
      expect(form.status).toBeGreaterThanOrEqual(400);
      expect(form.status).toBeLessThan(500);
      expect((await b.tab().refresh()).status).toBe(200);
    });
  });
});

/** A request from the browser's jar with some headers replaced and some left out. */
async function rawRequest(b: Browser, path: string, headers: Record<string, string>, without: string[], body?: unknown) {
  const url = b.baseUrl + path;
  const all: Record<string, string> = { origin: b.origin, 'x-gds-client': 'web', cookie: await b.jar.getCookieString(url), ...headers };
  for (const name of without) delete all[name];
  if (body !== undefined) all['content-type'] = 'application/json';
  const response = await fetch(url, { method: 'POST', headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('browser sessions without a grace window (REFRESH_REUSE_GRACE_SECONDS=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { PUBLIC_BASE_URL: ORIGIN, REFRESH_REUSE_GRACE_SECONDS: '0' } });
  });
  afterAll(() => t.close());

  it('treats the second of two parallel refreshes as reuse: one 200, one 401, the session revoked (why the window exists)', async () => {
    const admin = await loginAdmin(t.api);
    const person = await createUser(t.api, admin.token);
    const b = new Browser(t.url, ORIGIN);
    const [one, two] = [b.tab(), b.tab()];
    await one.signIn(person.email, person.password);
    const answers = await Promise.all([one.refresh(), two.refresh()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    expect((await one.refresh()).status).toBe(401);
  });

  it('refuses a refresh that waited for the first use of its token to commit, and keeps the revocation (no wait on its own row lock)', async () => {
    const admin = await loginAdmin(t.api);
    const person = await createUser(t.api, admin.token);
    const b = new Browser(t.url, ORIGIN);
    const tab = b.tab();
    await tab.signIn(person.email, person.password);
    const tokenId = (await b.refreshCookie())!.split('.')[0];
    // The first use of the token, held uncommitted by another transaction while the refresh arrives.
    const firstUse = t.dataSource.createQueryRunner();
    await firstUse.connect();
    await firstUse.startTransaction();
    await firstUse.query('UPDATE refresh_token SET used_at = now() WHERE id = $1', [tokenId]);
    const refresh = tab.refresh();
    await waitFor(async () => {
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return row.n > 0;
    }, { what: 'the refresh to wait for the uncommitted first use' });
    await firstUse.commitTransaction();
    await firstUse.release();
    expect((await refresh).status).toBe(401);
    const [family] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS live FROM refresh_token WHERE family_id = (SELECT family_id FROM refresh_token WHERE id = $1)`,
      [tokenId],
    );
    expect(family.live).toBe(0);
  });
});
