import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { WebhookReceiver } from './support/webhook-receiver';
import { deliveryRows, publishNotify, waitForInboxItem } from './support/notification-builders';
import { verifySignature } from '../src/notification/webhook-signature';
import { WebhookSecretBox } from '../src/notification/webhook-secret-box';

const DISABLE_AFTER = 3;

describe('notifications: signed webhooks', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let admin: TestPerson;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '4',
        WEBHOOK_DISABLE_AFTER_FAILURES: String(DISABLE_AFTER),
        WEBHOOK_TIMEOUT_MS: '1500',
      },
    });
    admin = await loginAdmin(t.api);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  async function register(path: string, eventTypes: string[]) {
    const created = await t.api.post('/api/v1/webhooks', { url: receiver.url(path), eventTypes, description: `test ${path}` }, admin.token);
    expect(created.status).toBe(201);
    return created.body as { id: string; secret: string };
  }

  it('lets only admins manage webhooks and shows the secret only once', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const body = { url: receiver.url('/crud'), eventTypes: ['certificate-issued'] };
    for (const who of [trainee, instructor, reviewer]) {
      expect((await t.api.post('/api/v1/webhooks', body, who.token)).status).toBe(403);
      expect((await t.api.get('/api/v1/webhooks', who.token)).status).toBe(403);
    }
    expect((await t.api.post('/api/v1/webhooks', body)).status).toBe(401);

    const created = await t.api.post('/api/v1/webhooks', body, admin.token);
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id;
    const read = await t.api.get(`/api/v1/webhooks/${id}`, admin.token);
    expect(read.body).toMatchObject({ id, url: receiver.url('/crud'), eventTypes: ['certificate-issued'], enabled: true });
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    expect(JSON.stringify((await t.api.get('/api/v1/webhooks', admin.token)).body)).not.toContain(created.body.secret);
    const [stored] = await t.dataSource.query('SELECT secret_ciphertext FROM webhook WHERE id = $1', [id]);
    expect(stored.secret_ciphertext).not.toContain(created.body.secret.slice(6));
    expect((await t.api.get(`/api/v1/webhooks/${id}`, trainee.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/webhooks/${id}/deliveries`, trainee.token)).status).toBe(403);

    const patched = await t.api.patch(`/api/v1/webhooks/${id}`, { eventTypes: ['certificate-issued', 'certificate-revoked'], enabled: false }, admin.token);
    expect(patched.body).toMatchObject({ eventTypes: ['certificate-issued', 'certificate-revoked'], enabled: false, disabledReason: 'disabled by an admin' });
    expect((await t.api.patch(`/api/v1/webhooks/${id}`, { enabled: true }, admin.token)).body).toMatchObject({ enabled: true, disabledAt: null });
    expect((await t.api.patch(`/api/v1/webhooks/${id}`, { secret: 'mine' }, admin.token)).status).toBe(400);
    expect((await t.api.delete(`/api/v1/webhooks/${id}`, trainee.token)).status).toBe(403);
    expect((await t.api.delete(`/api/v1/webhooks/${id}`, admin.token)).status).toBe(204);
    expect((await t.api.get(`/api/v1/webhooks/${id}`, admin.token)).status).toBe(404);
    expect((await t.api.delete(`/api/v1/webhooks/${id}`, admin.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/webhooks/${randomUUID()}/deliveries`, admin.token)).status).toBe(404);
  });

  it('refuses bad webhook input with 4xx and stores nothing', async () => {
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM webhook');
    const bad = [
      { url: 'ftp://example.com/hook', eventTypes: ['enrolled'] },
      { url: 'javascript:alert(1)', eventTypes: ['enrolled'] },
      { url: `http://example.com/${'a'.repeat(2100)}`, eventTypes: ['enrolled'] },
      { url: 'http://user:pw@example.com/', eventTypes: ['enrolled'] },
      { url: receiver.url('/x'), eventTypes: ['no-such-event'] },
      { url: receiver.url('/x'), eventTypes: [] },
      { url: receiver.url('/x') },
    ];
    for (const body of bad) {
      const answer = await t.api.post('/api/v1/webhooks', body, admin.token);
      expect([body.url?.slice(0, 40), answer.status >= 400 && answer.status < 500]).toEqual([body.url?.slice(0, 40), true]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const [{ n: after }] = await t.dataSource.query('SELECT count(*)::int AS n FROM webhook');
    expect(after).toBe(before);
  });

  it('posts one signed delivery per webhook per event (not per recipient), verified by the receiver', async () => {
    const hook = await register('/signed', ['certificate-issued']);
    const other = await register('/other-type', ['enrolled']);
    const trainees = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'])];
    const event = await publishNotify(t, 'certificate-issued', trainees.map((p) => p.id), { courseTitle: 'Data Analysis' });
    const [post] = await waitFor(() => (receiver.on('/signed').length ? receiver.on('/signed') : undefined), { what: 'the webhook post', timeoutMs: 30_000 });
    const signature = String(post.headers['x-gds-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(hook.secret, signature, post.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature(other.secret, signature, post.body, Math.floor(Date.now() / 1000))).toBe(false);
    expect(post.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post.body)).toMatchObject({ type: 'certificate-issued', eventKey: event.eventKey, data: { courseTitle: 'Data Analysis' } });
    await waitForInboxItem(t, trainees[1].token, event.eventKey);
    const log = await waitFor(async () => {
      const answer = await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token);
      return answer.body.items[0]?.status === 'delivered' ? answer.body : undefined;
    }, { what: 'the delivery log to show delivered', timeoutMs: 30_000 });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ eventKey: event.eventKey, type: 'certificate-issued', attempts: 1, lastStatusCode: 200 });
    expect(receiver.on('/signed')).toHaveLength(1);
    expect(receiver.on('/other-type')).toHaveLength(0);
    // Email is not configured in this app: recorded as skipped, not failed, not retried forever.
    await waitFor(async () => (await deliveryRows(t, event.eventKey)).filter((r) => r.channel === 'email').every((r) => r.status === 'skipped'), { what: 'emails skipped', timeoutMs: 30_000 });
  });

  it('sends a signed test event through the outbox and the worker, recorded in the delivery log (admins only)', async () => {
    const hook = await register('/test-send', ['enrolled']);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    expect((await t.api.post(`/api/v1/webhooks/${hook.id}/test`, undefined)).status).toBe(401);
    for (const who of [trainee, instructor]) expect((await t.api.post(`/api/v1/webhooks/${hook.id}/test`, undefined, who.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/webhooks/${randomUUID()}/test`, undefined, admin.token)).status).toBe(404);
    expect((await t.api.post('/api/v1/webhooks/not-a-uuid/test', undefined, admin.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/webhooks/${hook.id}/test`, { extra: true }, admin.token)).status).toBe(400);
    expect(receiver.on('/test-send')).toHaveLength(0);

    const sent = await t.api.post(`/api/v1/webhooks/${hook.id}/test`, undefined, admin.token);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ webhookId: hook.id, type: 'webhook-test', status: 'pending', url: `/api/v1/webhooks/${hook.id}/deliveries` });
    // It went the normal way: an outbox row the relay moved to the notifications queue.
    const [outboxRow] = await t.dataSource.query(`SELECT queue FROM outbox_message WHERE job_name = 'deliver-webhook' AND payload->>'deliveryId' = $1`, [sent.body.id]);
    expect(outboxRow.queue).toBe('notifications');

    const [post] = await waitFor(() => (receiver.on('/test-send').length ? receiver.on('/test-send') : undefined), { what: 'the test post', timeoutMs: 30_000 });
    expect(verifySignature(hook.secret, String(post.headers['x-gds-signature']), post.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(post.headers['x-gds-event']).toBe('webhook-test');
    expect(post.headers['x-gds-delivery']).toBe(sent.body.id);
    expect(JSON.parse(post.body)).toMatchObject({ id: sent.body.id, type: 'webhook-test', eventKey: sent.body.eventKey, data: { webhookId: hook.id, test: true } });
    const log = await waitFor(async () => {
      const answer = await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token);
      return answer.body.items[0]?.status === 'delivered' ? answer.body : undefined;
    }, { what: 'the test delivery in the log', timeoutMs: 30_000 });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ id: sent.body.id, type: 'webhook-test', attempts: 1, lastStatusCode: 200 });
    // A test is no notification: nobody's inbox holds it.
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM notification_delivery WHERE event_key = $1', [sent.body.eventKey]);
    expect(n).toBe(0);

    // A disabled webhook is refused with 409 and nothing is queued.
    await t.api.patch(`/api/v1/webhooks/${hook.id}`, { enabled: false }, admin.token);
    const refused = await t.api.post(`/api/v1/webhooks/${hook.id}/test`, undefined, admin.token);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toContain('webhook-disabled');
    expect((await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token)).body.items).toHaveLength(1);
  });

  it('posts a test event once: a failing receiver neither gets retries nor moves the webhook toward being disabled', async () => {
    // Subscribed to an event no other test here publishes: only test posts reach it.
    const hook = await register('/test-refuses', ['cohort-digest']);
    receiver.pathModes['/test-refuses'] = 'fail';
    try {
      for (let i = 0; i < DISABLE_AFTER + 1; i++) {
        const sent = await t.api.post(`/api/v1/webhooks/${hook.id}/test`, undefined, admin.token);
        expect(sent.status).toBe(202);
        await waitFor(async () => {
          const delivery = (await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token)).body.items.find((d: { id: string }) => d.id === sent.body.id);
          return delivery?.status === 'failed' ? delivery : undefined;
        }, { what: 'the test delivery to fail', timeoutMs: 30_000 });
      }
      expect(receiver.on('/test-refuses')).toHaveLength(DISABLE_AFTER + 1);
      const log = (await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token)).body.items;
      expect(log.every((d: { attempts: number; status: string }) => d.attempts === 1 && d.status === 'failed')).toBe(true);
      expect((await t.api.get(`/api/v1/webhooks/${hook.id}`, admin.token)).body).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    } finally {
      receiver.pathModes['/test-refuses'] = 'ok';
    }
  });

  it('retries a failing receiver with backoff until it answers', async () => {
    const hook = await register('/flaky', ['submission-graded']);
    receiver.failNext = 2;
    await publishNotify(t, 'submission-graded', [], { assessmentTitle: 'Retry me' });
    const log = await waitFor(async () => {
      const answer = await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token);
      return answer.body.items[0]?.status === 'delivered' ? answer.body : undefined;
    }, { what: 'the flaky delivery to succeed', timeoutMs: 30_000 });
    expect(log.items[0]).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    expect(receiver.on('/flaky').map((p) => p.answeredWith)).toEqual([500, 500, 200]);
    // Each attempt carried the same body, signed afresh.
    expect(new Set(receiver.on('/flaky').map((p) => p.body)).size).toBe(1);
    expect((await t.api.get(`/api/v1/webhooks/${hook.id}`, admin.token)).body).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it(`disables a webhook after ${DISABLE_AFTER} consecutive failures and tells every admin`, async () => {
    const hook = await register('/down', ['at-risk']);
    const secondAdmin = await createUser(t.api, admin.token, ['admin']);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    receiver.pathModes['/down'] = 'fail';
    try {
      await publishNotify(t, 'at-risk', [trainee.id], { traineeName: 'T', reason: 'no activity for 7 days' });
      const disabled = await waitFor(async () => {
        const answer = await t.api.get(`/api/v1/webhooks/${hook.id}`, admin.token);
        return answer.body.enabled === false ? answer.body : undefined;
      }, { what: 'the webhook to be disabled', timeoutMs: 30_000 });
      expect(disabled).toMatchObject({ consecutiveFailures: DISABLE_AFTER, disabledReason: `${DISABLE_AFTER} consecutive failed deliveries` });
      for (const person of [admin, secondAdmin]) {
        const notice = await waitFor(async () => {
          const inbox = await t.api.get('/api/v1/me/notifications?limit=100', person.token);
          return inbox.body.items.find((i: { type: string; data: { webhookId: string } }) => i.type === 'webhook-disabled' && i.data.webhookId === hook.id);
        }, { what: 'the webhook-disabled notice', timeoutMs: 30_000 });
        expect(notice.text).toContain(receiver.url('/down'));
      }
      const traineeInbox = await t.api.get('/api/v1/me/notifications?limit=100', trainee.token);
      expect(traineeInbox.body.items.some((i: { type: string }) => i.type === 'webhook-disabled')).toBe(false);
      const log = (await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token)).body;
      expect(log.items[0]).toMatchObject({ status: 'failed', attempts: DISABLE_AFTER, lastStatusCode: 500 });
      expect(receiver.on('/down')).toHaveLength(DISABLE_AFTER);

      // While disabled it receives nothing; its deliveries are not even created.
      await publishNotify(t, 'at-risk', [trainee.id], { reason: 'still behind' });
      const next = await publishNotify(t, 'at-risk', [trainee.id], { reason: 'marker' });
      await waitForInboxItem(t, trainee.token, next.eventKey);
      expect((await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token)).body.items).toHaveLength(1);
    } finally {
      receiver.pathModes['/down'] = 'ok';
    }
  });

  it('does not let a receiver that never answers hold up deliveries to others', async () => {
    const slow = await register('/slow', ['promoted-from-waitlist']);
    const fast = await register('/fast', ['promoted-from-waitlist']);
    receiver.pathModes['/slow'] = 'hang';
    try {
      const events = [];
      for (let i = 0; i < 3; i++) events.push(await publishNotify(t, 'promoted-from-waitlist', [], { cohortName: `Wait ${i}` }));
      await waitFor(() => receiver.on('/fast').length === 3, { what: 'all three fast deliveries', timeoutMs: 30_000 });
      const log = await waitFor(async () => {
        const answer = await t.api.get(`/api/v1/webhooks/${slow.id}/deliveries`, admin.token);
        return answer.body.items.some((d: { lastError: string | null }) => d.lastError?.includes('no answer')) ? answer.body : undefined;
      }, { what: 'the slow receiver to time out', timeoutMs: 30_000 });
      expect(log.items[0].lastStatusCode).toBeNull();
      expect((await t.api.get(`/api/v1/webhooks/${fast.id}/deliveries`, admin.token)).body.items.every((d: { status: string }) => d.status === 'delivered')).toBe(true);
    } finally {
      receiver.pathModes['/slow'] = 'ok';
      await t.api.patch(`/api/v1/webhooks/${slow.id}`, { enabled: false }, admin.token);
    }
  });
});

describe('notifications: webhook targets refused by default (SSRF)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ env: { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '2' } });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('refuses loopback, private, link-local and names that resolve to them', async () => {
    expect(t.config.WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
    const admin = await loginAdmin(t.api);
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://172.16.5.5/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0.0.0.0/hook',
      'http://localhost:8080/hook',
      'https://localhost/hook',
    ]) {
      const answer = await t.api.post('/api/v1/webhooks', { url, eventTypes: ['enrolled'] }, admin.token);
      expect([url, answer.status]).toEqual([url, 422]);
      expect(answer.body.type).toContain('webhook-target-refused');
    }
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM webhook');
    expect(n).toBe(0);
  });

  it('checks the target again at delivery time (a row stored while private targets were allowed)', async () => {
    const admin = await loginAdmin(t.api);
    const box = t.get<WebhookSecretBox>(WebhookSecretBox);
    const [hook] = await t.dataSource.query(
      `INSERT INTO webhook (url, event_types, secret_ciphertext) VALUES ($1, ARRAY['enrolled'], $2) RETURNING id`,
      [receiver.url('/private'), box.seal(box.generate())],
    );
    await publishNotify(t, 'enrolled', [admin.id], { cohortName: 'SSRF' });
    const log = await waitFor(async () => {
      const answer = await t.api.get(`/api/v1/webhooks/${hook.id}/deliveries`, admin.token);
      return answer.body.items[0]?.status === 'failed' ? answer.body : undefined;
    }, { what: 'the delivery to be refused', timeoutMs: 30_000 });
    expect(log.items[0].lastError).toMatch(/target refused: .*private, loopback or link-local/);
    expect(receiver.received).toHaveLength(0);
  });
});
