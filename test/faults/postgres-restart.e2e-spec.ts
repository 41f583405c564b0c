import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from '../support/test-app';
import { loginAdmin, TestPerson } from '../support/people';
import { OwnPostgresServer } from '../support/postgres-server';
import { recordFigures } from '../support/figures';

/**
 * Issue 9 item 4: Postgres restarted under a running app. The app (api and worker in one process)
 * runs on a Postgres cluster of this test's own; the shared server is never touched. While the
 * database is down, /health/ready must say 503 and requests must fail cleanly (problem+json, 503);
 * when it is back, the app recovers by itself: no restart, sign-in, reads and the event pipeline work.
 */
describe('fault: Postgres restarted', () => {
  let pg: OwnPostgresServer;
  let t: TestApp;
  let admin: TestPerson;

  beforeAll(async () => {
    pg = await OwnPostgresServer.start();
    t = await startTestApp({ postgresAdminUrl: pg.adminUrl, env: { LOG_LEVEL: 'fatal' } });
    admin = await loginAdmin(t.api);
  });
  afterAll(async () => {
    await pg.resume().catch(() => undefined);
    await t?.close();
    await pg?.destroy();
  });

  it('says 503 while Postgres is down and recovers on its own when it is back', async () => {
    expect((await t.api.get('/health/ready')).status).toBe(200);
    const stoppedAt = Date.now();
    await pg.stop('fast');

    const notReady = await waitFor(async () => {
      const ready = await t.api.get('/health/ready');
      return ready.status === 503 ? ready : undefined;
    }, { what: '/health/ready to answer 503', timeoutMs: 30_000 });
    expect(notReady.body.details?.postgres?.status).toBe('down');
    const secondsTo503 = (Date.now() - stoppedAt) / 1000;

    // Requests while the database is down: refused cleanly, never a hang, never a stack trace.
    const duringOutage = new Map<number, number>();
    let notProblem = 0;
    for (let i = 0; i < 10; i++) {
      const answer = await t.api.get('/api/v1/me', admin.token);
      duringOutage.set(answer.status, (duringOutage.get(answer.status) ?? 0) + 1);
      if (!(answer.headers.get('content-type') ?? '').startsWith('application/problem+json')) notProblem++;
    }

    const resumedAt = Date.now();
    await pg.resume();
    await waitFor(async () => (await t.api.get('/health/ready')).status === 200, { what: '/health/ready to answer 200 again', timeoutMs: 60_000 });
    const secondsToReady = (Date.now() - resumedAt) / 1000;
    await waitFor(async () => (await t.api.get('/api/v1/me', admin.token)).status === 200, { what: 'GET /me to work again', timeoutMs: 60_000 });
    const fresh = await loginAdmin(t.api);
    const probe = await t.api.post('/api/v1/admin/pipeline-probes', undefined, fresh.token);
    expect(probe.status).toBe(202);
    await waitFor(async () => (await t.api.get(probe.body.url, fresh.token)).body.handledRuns === 1, { what: 'a probe to pass the pipeline after recovery', timeoutMs: 60_000 });

    const statuses = [...duringOutage.entries()].map(([s, n]) => `${s}×${n}`).join(', ');
    recordFigures('fault-postgres-restart', 'Fault: Postgres restarted (issue 9.4)', [
      { label: 'seconds until /health/ready said 503', value: secondsTo503.toFixed(1) },
      { label: 'GET /me answers while Postgres was down', value: statuses },
      { label: 'answers during the outage that were not problem+json', value: notProblem, expected: 0 },
      { label: 'seconds from Postgres back to /health/ready 200', value: secondsToReady.toFixed(1) },
      { label: 'app restarts needed', value: 0, expected: 0 },
      { label: 'probe through outbox, relay, queue and worker after recovery', value: 'handled once', expected: 'handled once' },
    ]);
    expect(notProblem).toBe(0);
    expect([...duringOutage.keys()].every((status) => status === 503)).toBe(true);
  });
});
