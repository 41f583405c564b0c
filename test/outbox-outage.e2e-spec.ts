import { waitFor } from '@gds/testing';
import { OutboxRelay } from '@gds/queue';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin } from './support/people';
import { OwnRedisServer } from './support/redis-server';

describe('outbox: Redis unreachable at commit time', () => {
  let redis: OwnRedisServer;
  let t: TestApp;

  beforeAll(async () => {
    redis = await OwnRedisServer.start();
    t = await startTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis.resume().catch(() => undefined);
    await t.close();
    await redis.stop();
  });

  it('keeps the rows while Redis is down, then turns each into exactly one job', async () => {
    const admin = await loginAdmin(t.api);
    await redis.stop();

    const probes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const sent = await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token);
      expect(sent.status).toBe(202);
      probes.push(sent.body.id);
    }
    const relay = t.get<OutboxRelay>(OutboxRelay);
    // The relay keeps trying and failing: the rows wait in the outbox.
    await waitFor(async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE attempts > 0'))[0].n > 0, {
      what: 'the relay to fail at least once',
    });
    expect(await relay.pendingCount()).toBe(20);

    await redis.resume();
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'the outbox to drain', timeoutMs: 60_000 });
    const handled = await waitFor(async () => {
      const rows: Array<{ handled_runs: number }> = await t.dataSource.query('SELECT handled_runs FROM pipeline_probe WHERE id = ANY($1)', [probes]);
      return rows.every((r) => r.handled_runs > 0) ? rows : undefined;
    }, { what: 'every probe to be handled', timeoutMs: 60_000 });
    expect(handled).toHaveLength(20);
    expect(handled.every((r) => r.handled_runs === 1)).toBe(true);
  });

  it('moving a row twice (crash between enqueue and mark-sent) adds no second job', async () => {
    const admin = await loginAdmin(t.api);
    const sent = await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token);
    await waitFor(async () => (await t.api.get(sent.body.url, admin.token)).body.handledRuns === 1, { what: 'the probe to be handled' });
    // Pretend the relay died after enqueueing but before marking the row sent.
    await t.dataSource.query("UPDATE outbox_message SET sent_at = NULL WHERE payload->>'probeId' = $1", [sent.body.id]);
    const relay = t.get<OutboxRelay>(OutboxRelay);
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'the row to be moved again' });
    // Another probe sent afterwards is handled; by then a duplicate of the first would have run too.
    const later = await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token);
    await waitFor(async () => (await t.api.get(later.body.url, admin.token)).body.handledRuns === 1, { what: 'the later probe' });
    expect((await t.api.get(sent.body.url, admin.token)).body.handledRuns).toBe(1);
  });
});
