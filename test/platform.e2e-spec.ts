import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin, createUser } from './support/people';
import { waitFor } from '@gds/testing';
import { QueueRegistry } from '@gds/queue';
import { ClsService } from 'nestjs-cls';
import { LOGGED_REQUEST } from '../src/platform/logger-options';

describe('platform: health, errors, docs, metrics, pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with Postgres and Redis up', async () => {
    expect((await t.api.get('/health')).status).toBe(200);
    const ready = await t.api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('answers an unknown route with a problem+json 404 and echoes a sane request id', async () => {
    const answer = await t.api.get('/api/v1/no-such-thing', undefined, { 'x-request-id': 'req-123' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 404, title: 'Not found', requestId: 'req-123' });
    expect(answer.headers.get('x-request-id')).toBe('req-123');
  });

  it("keeps a request's id, method and URL in its log context, copied out: never the request (it would outlive the answer)", async () => {
    const admin = await loginAdmin(t.api);
    // Whatever the onRequest hook stores under LOGGED_REQUEST (openRequestContext, http-app.ts) while the real request is served.
    const set = jest.spyOn(ClsService.prototype, 'set');
    try {
      const answer = await t.api.get('/api/v1/me', admin.token, { 'x-request-id': 'req-log-context' });
      expect(answer.status).toBe(200);
      const kept = set.mock.calls.filter(([key, value]) => key === LOGGED_REQUEST && (value as { id?: unknown })?.id === 'req-log-context').map(([, value]) => value);
      expect(kept).toHaveLength(1);
      // A plain object of three strings: nothing that reaches the request's graph (socket, headers, body).
      // Its keys first: a failing toEqual against the request itself prints millions of lines.
      expect(Object.keys(kept[0] as object).sort()).toEqual(['id', 'method', 'url']);
      expect(Object.getPrototypeOf(kept[0]) === Object.prototype).toBe(true);
      expect(Object.values(kept[0] as object).every((value) => typeof value === 'string')).toBe(true);
      expect(kept[0]).toEqual({ id: 'req-log-context', method: 'GET', url: '/api/v1/me' });
    } finally {
      set.mockRestore();
    }
  });

  it('rejects unknown body fields with per-field errors', async () => {
    const answer = await t.api.post('/api/v1/auth/login', { email: 'a@b.c', password: 'whatever1', isAdmin: true });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([{ field: 'isAdmin', message: expect.any(String) }]);
  });

  it('answers malformed JSON and oversized bodies with 4xx problems, never a 5xx', async () => {
    const malformed = await t.api.request('POST', '/api/v1/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toContain('/problems/');
    const huge = await t.api.request('POST', '/api/v1/auth/register', {
      raw: JSON.stringify({ email: 'x@y.z', password: 'p'.repeat(2_000_000), displayName: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    const nul = await t.api.post('/api/v1/auth/login', { email: 'a\u0000@b.c', password: 'whatever1' });
    expect(nul.status).toBe(400);
  });

  it('refuses a body on a route that reads none', async () => {
    const admin = await loginAdmin(t.api);
    const answer = await t.api.request('GET', '/api/v1/me', { token: admin.token });
    expect(answer.status).toBe(200);
    const withBody = await t.api.post('/api/v1/admin/pipeline-probes', { roles: ['admin'] }, admin.token);
    expect(withBody.status).toBe(400);
  });

  it('serves an OpenAPI document describing the routes and the bearer auth', async () => {
    const doc = await t.api.get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/users']));
    expect((await t.api.get('/docs')).status).toBe(200);
  });

  it('exposes request latency, queue depth and outbox backlog metrics', async () => {
    await t.api.get('/health');
    const metrics = await t.api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toMatch(/queue_jobs\{queue="grading",state="waiting"\} \d+/);
    expect(metrics.text).toMatch(/outbox_pending_messages \d+/);
  });

  it('sends security headers', async () => {
    const answer = await t.api.get('/health');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('carries a probe through outbox, relay, queue and handler exactly once', async () => {
    const admin = await loginAdmin(t.api);
    const sent = await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token);
    expect(sent.status).toBe(202);
    expect(sent.body.status).toBe('queued');
    const handled = await waitFor(async () => {
      const probe = await t.api.get(sent.body.url, admin.token);
      return probe.body.status === 'handled' ? probe.body : undefined;
    }, { what: 'the probe to be handled' });
    expect(handled.handledRuns).toBe(1);
  });

  it('opens the queue dashboard to admins only', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.get('/admin/queues')).status).toBe(401);
    expect((await t.api.get('/admin/queues', trainee.token)).status).toBe(403);
    expect((await t.api.get('/admin/queues', admin.token)).status).toBe(200);
    // The board is built on first use behind the admin check; a path it does not know is a problem+json 404.
    expect((await t.api.get('/admin/queues/static/no-such-file.js')).status).toBe(401);
    const missing = await t.api.get('/admin/queues/static/no-such-file.js', admin.token, { 'x-request-id': 'req-board-404' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, requestId: 'req-board-404' });
    expect(missing.headers.get('x-request-id')).toBe('req-board-404');
  });

  it('opens the queue dashboard in a signed-in admin\'s browser through a cookie that lasts as long as the access token', async () => {
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    expect((await t.api.post('/api/v1/admin/queue-dashboard/session')).status).toBe(401);
    const refused = await t.api.post('/api/v1/admin/queue-dashboard/session', undefined, instructor.token);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await t.api.post('/api/v1/admin/queue-dashboard/session', { ttl: 9999 }, admin.token)).status).toBe(400);

    const opened = await t.api.post('/api/v1/admin/queue-dashboard/session', undefined, admin.token);
    expect(opened.status).toBe(200);
    expect(opened.body.url).toBe('/admin/queues/');
    expect(Date.parse(opened.body.expiresAt)).toBeGreaterThan(Date.now());
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^gds_queue_dashboard=[^;]+;/);
    expect(setCookie).toMatch(/Path=\/admin\/queues(;|$)/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const adminCookie = setCookie.split(';')[0];
    const instructorCookie = `gds_queue_dashboard=${instructor.token}`;

    const page = (cookie: string) => fetch(`${t.url}/admin/queues/`, { headers: { cookie } });
    expect((await page(adminCookie)).status).toBe(200);
    expect((await page(instructorCookie)).status).toBe(403);
    expect((await page('gds_queue_dashboard=forged')).status).toBe(401);
    expect((await fetch(`${t.url}/admin/queues/api/queues`, { headers: { cookie: adminCookie } })).status).toBe(200);

    // Changes made with the cookie must come from a page of this origin.
    const retry = (headers: Record<string, string>) => fetch(`${t.url}/admin/queues/api/queues/maintenance/retry/failed`, { method: 'PUT', headers: { cookie: adminCookie, ...headers } });
    expect((await retry({})).status).toBe(403);
    expect((await retry({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await retry({ origin: t.config.publicOrigin, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await retry({ origin: t.config.publicOrigin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);

    // Signing out ends the session, and the dashboard cookie with it.
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: admin.refreshToken }, admin.token)).status).toBe(204);
    expect((await page(adminCookie)).status).toBe(401);
  });
});

describe('platform: pipeline health as numbers', () => {
  // The api role alone: no relay moves outbox rows and no worker takes jobs, so the figures hold still.
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(() => t.close());

  it('answers outbox lag and queue depth per queue to admins, the same figures /metrics exports', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.get('/api/v1/admin/pipeline-health')).status).toBe(401);
    expect((await t.api.get('/api/v1/admin/pipeline-health', trainee.token)).status).toBe(403);

    const before = (await t.api.get('/api/v1/admin/pipeline-health', admin.token)).body;
    await t.dataSource.query('DELETE FROM outbox_message WHERE sent_at IS NULL');
    await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token);
    await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token);
    await t.dataSource.query(`UPDATE outbox_message SET available_at = now() - interval '90 seconds' WHERE id = (SELECT id FROM outbox_message WHERE sent_at IS NULL ORDER BY created_at LIMIT 1)`);
    await t.dataSource.query(`UPDATE outbox_message SET available_at = now() + interval '1 hour' WHERE id = (SELECT id FROM outbox_message WHERE sent_at IS NULL ORDER BY created_at DESC LIMIT 1)`);
    const queues = t.get<QueueRegistry>(QueueRegistry);
    await queues.get('progress').add('health-check', {});
    await queues.get('progress').add('health-check', {});
    await queues.get('maintenance').add('health-check', {}, { delay: 3_600_000 });

    const answer = await t.api.get('/api/v1/admin/pipeline-health', admin.token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const health = answer.body;
    expect(health.outbox).toMatchObject({ pending: 2, due: 1 });
    expect(health.outbox.oldestDueAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(health.outbox.oldestDueAgeSeconds).toBeLessThan(600);
    expect(health.queues.map((q: { queue: string }) => q.queue)).toEqual(['grading', 'grading-slow', 'progress', 'notifications', 'maintenance']);
    const depth = (name: string) => health.queues.find((q: { queue: string }) => q.queue === name);
    const was = (name: string) => before.queues.find((q: { queue: string }) => q.queue === name);
    expect(depth('progress')).toMatchObject({ available: true, waiting: was('progress').waiting + 2, active: 0 });
    expect(depth('maintenance')).toMatchObject({ available: true, delayed: was('maintenance').delayed + 1 });

    const metrics = (await t.api.get('/metrics')).text;
    expect(metrics).toContain(`queue_jobs{queue="progress",state="waiting"} ${depth('progress').waiting}`);
    expect(metrics).toContain(`queue_jobs{queue="maintenance",state="delayed"} ${depth('maintenance').delayed}`);
    expect(metrics).toMatch(/outbox_pending_messages 2\n/);
    expect(Number(/outbox_oldest_due_age_seconds ([\d.]+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(90);

    // With nothing due, there is no lag to report.
    await t.dataSource.query('DELETE FROM outbox_message WHERE available_at <= now()');
    expect((await t.api.get('/api/v1/admin/pipeline-health', admin.token)).body.outbox).toEqual({ pending: 1, due: 0, oldestDueAt: null, oldestDueAgeSeconds: null, abandonedClaims: 0 });
  });
});
