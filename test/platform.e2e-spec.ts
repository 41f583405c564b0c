import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin, createUser } from './support/people';
import { waitFor } from '@gds/testing';

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
  });
});
