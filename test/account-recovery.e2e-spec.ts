import { randomBytes } from 'node:crypto';
import { NOTIFICATION_TYPES, QueueRegistry } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { Browser } from './support/browser-client';
import { databaseFingerprint } from './support/db-snapshot';
import { nthMailTo, redisKeysHolding, tablesHolding, tokenIn } from './support/account-mail';
import { waitForQuiet } from './support/quiet';
import { hashesInTransactions } from './support/hashing-outside-transactions';

const ORIGIN = 'https://academy.example.test';

/** Issue 13 item 3: password reset by email and password change (the emails reach a real SMTP sink). */
describe('account recovery', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let admin: TestPerson;
  let addresses = 0;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    // TRUST_PROXY lets each test come from its own client address (X-Forwarded-For), so the
    // per-address limit is met only where a test means to meet it.
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: ORIGIN, TRUST_PROXY: 'true', PASSWORD_RESET_LIMIT_PER_ADDRESS: '5' } });
    admin = await loginAdmin(t.api);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const newAddress = () => `203.0.113.${++addresses}`;
  const askReset = (email: string, address = newAddress()) =>
    t.api.request('POST', '/api/v1/auth/password-resets', { body: { email }, headers: { 'x-forwarded-for': address } });
  const completeReset = (token: string, password: string) => t.api.post('/api/v1/auth/password-resets/complete', { token, password });
  const signIn = (email: string, password: string) => t.api.post('/api/v1/auth/login', { email, password });
  const unknownEmail = () => `nobody-${randomBytes(4).toString('hex')}@example.test`;
  const withoutIds = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;
  const count = async (sql: string) => (await t.dataSource.query(sql))[0].n as number;
  const accountJobs = () => count(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'send-account-email'`);
  /** The whole database but the attempt counters (a refused attempt is counted: that is the point of them), once earlier emails are out. */
  const fingerprint = async () => {
    await waitForQuiet(t);
    const { auth_rate_limit: _counters, ...rest } = await databaseFingerprint(t.dataSource);
    return rest;
  };

  describe('password reset by email', () => {
    it('answers any address alike, and emails a link to the web app that works exactly once', async () => {
      const person = await createUser(t.api, admin.token);
      const jobsBefore = await accountJobs();
      const known = await askReset(person.email);
      const unknown = await askReset(unknownEmail());
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(withoutIds(known.body)).toEqual(withoutIds(unknown.body));
      expect(known.body).toEqual({ status: 'accepted' });
      // The same work either way: a job is queued for the unknown address too (and does nothing).
      expect(await accountJobs()).toBe(jobsBefore + 2);
      const [orphan] = await t.dataSource.query(
        `SELECT payload->>'id' AS id, job_id FROM outbox_message WHERE job_name = 'send-account-email' AND NOT EXISTS (SELECT 1 FROM password_reset r WHERE r.id::text = payload->>'id') ORDER BY created_at DESC LIMIT 1`,
      );
      const ran = await waitFor(async () => {
        const status = await t.get<QueueRegistry>(QueueRegistry).jobStatus('notifications', orphan.job_id);
        return status?.state === 'completed' ? status : undefined;
      }, { what: 'the job of the unknown address', timeoutMs: 30_000 });
      expect(ran.returnValue).toBe('nothing-to-do');

      const mail = await nthMailTo(smtp, person.email, 1);
      expect(mail.subject).toBe('Reset your GDS Academy password');
      expect(mail.text).toContain(`${ORIGIN}/app/reset-password#token=`);
      expect(mail.text + mail.html).not.toContain('/api/');
      const token = tokenIn(mail, 'reset-password');

      const unchanged = await fingerprint();
      const weak = await completeReset(token, 'password123');
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('password');
      expect(await fingerprint()).toEqual(unchanged);

      const done = await completeReset(token, 'a-brand-new-pass-phrase');
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ userId: person.id, email: person.email });
      expect((await signIn(person.email, person.password)).status).toBe(401);
      expect((await signIn(person.email, 'a-brand-new-pass-phrase')).status).toBe(200);
      // Every session of the account ended: its access token and its refresh token.
      expect((await t.api.get('/api/v1/me', person.token)).status).toBe(401);
      expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: person.refreshToken })).status).toBe(401);

      const before = await fingerprint();
      const again = await completeReset(token, 'yet-another-pass-phrase');
      expect(again.status).toBe(400);
      expect(again.body.type).toMatch(/\/invalid-reset-token$/);
      expect(await fingerprint()).toEqual(before);
      expect((await signIn(person.email, 'a-brand-new-pass-phrase')).status).toBe(200);
    });

    it('refuses a link replaced by a newer one and an expired link, changing nothing', async () => {
      const person = await createUser(t.api, admin.token);
      await askReset(person.email);
      const first = tokenIn(await nthMailTo(smtp, person.email, 1), 'reset-password');
      await askReset(person.email);
      const second = tokenIn(await nthMailTo(smtp, person.email, 2), 'reset-password');
      const before = await fingerprint();
      const replaced = await completeReset(first, 'replaced-pass-phrase');
      expect(replaced.status).toBe(400);
      expect(replaced.body.type).toMatch(/\/invalid-reset-token$/);
      expect(await fingerprint()).toEqual(before);
      await t.dataSource.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.split('.')[0]]);
      const expiredBefore = await fingerprint();
      const expired = await completeReset(second, 'expired-pass-phrase');
      expect(expired.status).toBe(400);
      expect(expired.body.type).toMatch(/\/invalid-reset-token$/);
      expect(await fingerprint()).toEqual(expiredBefore);
      for (const token of ['garbage', `${second.split('.')[0]}.wrong-secret`]) expect((await completeReset(token, 'some-pass-phrase')).status).toBe(400);
      expect((await signIn(person.email, person.password)).status).toBe(200);
    });

    it('lets a link live 30 minutes', async () => {
      const person = await createUser(t.api, admin.token);
      await askReset(person.email);
      const token = tokenIn(await nthMailTo(smtp, person.email, 1), 'reset-password');
      const [row] = await t.dataSource.query(`SELECT round(extract(epoch FROM expires_at - created_at))::int AS seconds FROM password_reset WHERE id = $1`, [token.split('.')[0]]);
      expect(row.seconds).toBe(30 * 60);
    });

    it('sends whatever the notification preferences say, and never to the inbox', async () => {
      const person = await createUser(t.api, admin.token);
      const off = NOTIFICATION_TYPES.flatMap((type) => (['in_app', 'email'] as const).map((channel) => ({ type, channel, mode: 'off' })));
      expect((await t.api.put('/api/v1/me/notification-preferences', { preferences: off }, person.token)).status).toBe(200);
      await askReset(person.email);
      const mail = await nthMailTo(smtp, person.email, 1);
      expect(mail.subject).toBe('Reset your GDS Academy password');
      expect((await t.api.get('/api/v1/me/notifications', person.token)).body.items).toEqual([]);
      expect(await count(`SELECT count(*)::int AS n FROM notification_delivery WHERE recipient_id = '${person.id}'`)).toBe(0);
    });

    it('keeps the token out of the database and Redis: it lives only in the email', async () => {
      const person = await createUser(t.api, admin.token);
      await askReset(person.email);
      const token = tokenIn(await nthMailTo(smtp, person.email, 1), 'reset-password');
      const secret = token.split('.')[1];
      expect(await tablesHolding(t.dataSource, secret)).toEqual([]);
      expect(await redisKeysHolding(t.config.REDIS_URL, t.config.QUEUE_PREFIX, secret)).toEqual([]);
      // The searches do find what is there: the reset's id is in its row, its outbox row and its job.
      expect(await tablesHolding(t.dataSource, token.split('.')[0])).toEqual(['outbox_message', 'password_reset']);
      expect(await redisKeysHolding(t.config.REDIS_URL, t.config.QUEUE_PREFIX, token.split('.')[0])).not.toEqual([]);
    });

    it('writes to Spanish speakers in Spanish', async () => {
      const person = await createUser(t.api, admin.token);
      await t.api.patch('/api/v1/me', { language: 'es' }, person.token);
      await askReset(person.email);
      const mail = await nthMailTo(smtp, person.email, 1);
      expect(mail.subject).toBe('Restablece tu contraseña de GDS Academy');
      expect(mail.text).toContain('El enlace funciona una sola vez durante 30 minutos');
      expect(tokenIn(mail, 'reset-password')).toMatch(/^[0-9a-f-]{36}\./);
    });

    it('answers floods per email with 429, for known and unknown addresses alike, and stores nothing past the limit', async () => {
      const person = await createUser(t.api, admin.token);
      const stranger = unknownEmail();
      const limit = t.config.PASSWORD_RESET_LIMIT_PER_EMAIL;
      for (let i = 0; i < limit; i++) {
        expect((await askReset(person.email)).status).toBe(202);
        expect((await askReset(stranger)).status).toBe(202);
      }
      const resets = await count('SELECT count(*)::int AS n FROM password_reset');
      const jobs = await accountJobs();
      const known = await askReset(person.email);
      const unknown = await askReset(stranger.toUpperCase());
      expect([known.status, unknown.status]).toEqual([429, 429]);
      expect(known.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(known.headers.get('retry-after'))).toBeGreaterThan(0);
      // retryAfter counts down in seconds: the two answers may straddle a second.
      const { retryAfter: knownWait, ...knownRest } = withoutIds(known.body);
      const { retryAfter: unknownWait, ...unknownRest } = withoutIds(unknown.body);
      expect(knownRest).toEqual(unknownRest);
      expect(Math.abs(Number(knownWait) - Number(unknownWait))).toBeLessThanOrEqual(1);
      expect(known.body.type).toMatch(/\/rate-limited$/);
      expect(await count('SELECT count(*)::int AS n FROM password_reset')).toBe(resets);
      expect(await accountJobs()).toBe(jobs);
    });

    it('answers floods per client address with 429', async () => {
      const address = newAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await askReset(unknownEmail(), address)).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
      expect((await askReset(unknownEmail(), newAddress())).status).toBe(202);
    });

    it('refuses malformed requests (400) without counting them', async () => {
      await waitForQuiet(t);
      const counters = await databaseFingerprint(t.dataSource);
      for (const body of [{}, { email: 'not-an-email' }, { email: 'a@example.test', extra: 1 }]) {
        expect((await t.api.post('/api/v1/auth/password-resets', body)).status).toBe(400);
      }
      for (const body of [{ token: 'x' }, { password: 'long-enough-pass' }, { token: 'x', password: 'long-enough-pass', userId: 'y' }]) {
        expect((await t.api.post('/api/v1/auth/password-resets/complete', body)).status).toBe(400);
      }
      expect(await databaseFingerprint(t.dataSource)).toEqual(counters);
    });
  });

  describe('password change', () => {
    const change = (token: string | undefined, body: unknown) => t.api.post('/api/v1/me/password', body, token);

    it('requires the current password; every other session ends at once, this one goes on', async () => {
      const person = await createUser(t.api, admin.token);
      const tab = new Browser(t.url, ORIGIN).tab();
      await tab.signIn(person.email, person.password);
      const otherBrowser = new Browser(t.url, ORIGIN).tab();
      await otherBrowser.signIn(person.email, person.password);
      const answer = await change(tab.accessToken, { currentPassword: person.password, newPassword: 'changed-pass-phrase' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ otherSessionsEnded: 2 });
      // This session goes on: its access token, and its cookie refreshes.
      expect((await tab.get('/api/v1/me')).status).toBe(200);
      expect((await tab.refresh()).status).toBe(200);
      // The other browser and the partner session of createUser end at once.
      expect((await otherBrowser.get('/api/v1/me')).status).toBe(401);
      expect((await otherBrowser.refresh()).status).toBe(401);
      expect((await t.api.get('/api/v1/me', person.token)).status).toBe(401);
      expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: person.refreshToken })).status).toBe(401);
      expect((await signIn(person.email, person.password)).status).toBe(401);
      expect((await signIn(person.email, 'changed-pass-phrase')).status).toBe(200);
    });

    it('refuses a wrong current password (403) and a weak new one (400), changing nothing', async () => {
      const person = await createUser(t.api, admin.token);
      const before = await fingerprint();
      const wrong = await change(person.token, { currentPassword: 'not-my-password', newPassword: 'changed-pass-phrase' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.type).toMatch(/\/wrong-current-password$/);
      const weak = await change(person.token, { currentPassword: person.password, newPassword: 'qwerty123' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].field).toBe('newPassword');
      expect((await change(person.token, { currentPassword: person.password, newPassword: 'changed-pass-phrase', roles: ['admin'] })).status).toBe(400);
      expect((await change(undefined, { currentPassword: person.password, newPassword: 'changed-pass-phrase' })).status).toBe(401);
      expect(await fingerprint()).toEqual(before);
      expect((await t.api.get('/api/v1/me', person.token)).status).toBe(200);
      expect((await signIn(person.email, person.password)).status).toBe(200);
    });

    it('hashes outside any transaction when changing and resetting a password', async () => {
      const person = await createUser(t.api, admin.token);
      await askReset(person.email);
      const token = tokenIn(await nthMailTo(smtp, person.email, 1), 'reset-password');
      const seen = await hashesInTransactions(t, async () => {
        expect((await change(person.token, { currentPassword: person.password, newPassword: 'changed-pass-phrase' })).status).toBe(200);
        await askReset(person.email);
        const again = tokenIn(await nthMailTo(smtp, person.email, 2), 'reset-password');
        expect(again).not.toBe(token);
        expect((await completeReset(again, 'reset-pass-phrase')).status).toBe(200);
      });
      // Verify the current password and hash the new one (change), hash the new one (reset).
      expect(seen).toEqual({ calls: 3, inTransaction: 0 });
      expect((await signIn(person.email, 'reset-pass-phrase')).status).toBe(200);
    });

    it('ends pending reset links', async () => {
      const person = await createUser(t.api, admin.token);
      await askReset(person.email);
      const token = tokenIn(await nthMailTo(smtp, person.email, 1), 'reset-password');
      expect((await change(person.token, { currentPassword: person.password, newPassword: 'changed-pass-phrase' })).status).toBe(200);
      expect((await completeReset(token, 'sneaky-pass-phrase')).status).toBe(400);
      expect((await signIn(person.email, 'changed-pass-phrase')).status).toBe(200);
    });
  });
});

describe('password change: guesses of the current password are limited per user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 past LOGIN_RATE_LIMIT attempts in the window', async () => {
    const admin = await loginAdmin(t.api);
    const person = await createUser(t.api, admin.token);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.api.post('/api/v1/me/password', { currentPassword: `guess-${i}-pass`, newPassword: 'changed-pass-phrase' }, person.token)).status);
    expect(statuses).toEqual([403, 403, 403, 429]);
    // Even the right password waits for the window now.
    expect((await t.api.post('/api/v1/me/password', { currentPassword: person.password, newPassword: 'changed-pass-phrase' }, person.token)).status).toBe(429);
  });
});

