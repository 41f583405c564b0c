import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { OutboxRelay, QueueRegistry, QueueSettings } from '@gds/queue';
import { publishInTransaction, startTestApp, TestApp } from './support/test-app';

/*
 * A running relay claims and marks on a connection of its own: with every connection of the app's
 * pool checked out (job slots busy), a committed row still becomes a job at once. On the shared pool
 * its claim queued behind the job slots, and so did every grading job committed meanwhile (issue 23,
 * grading lag). The app runs as the api (no relay of its own); the test starts one by hand.
 */
describe('outbox relay: its own connection', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(() => t?.close());

  it('moves a committed row while the app pool has no free connection, and closes its connection at shutdown', async () => {
    const enrollmentId = randomUUID();
    const jobId = await publishInTransaction(t, 'recompute-progress', { enrollmentId });
    const shared = (t.dataSource.driver as unknown as { master: { options: { max: number }; connect(): Promise<PoolClient> } }).master;
    const held = await Promise.all(Array.from({ length: shared.options.max }, () => shared.connect()));
    const relay = new OutboxRelay(t.dataSource, t.get(QueueRegistry), t.get(QueueSettings));
    const queue = t.get<QueueRegistry>(QueueRegistry).get('progress');
    try {
      relay.onApplicationBootstrap();
      // A relay on the shared pool cannot get a connection while this test holds every one of them (it
      // would wait until they are released, after this loop), so any deadline tells it from a relay
      // with its own: this one is generous for a loaded CI machine (load 7 on 2 cores).
      const deadline = Date.now() + 15_000;
      while (!(await queue.getJob(jobId)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await queue.getJob(jobId)).toMatchObject({ name: 'recompute-progress', data: { enrollmentId } });
    } finally {
      held.forEach((client) => client.release());
      await relay.beforeApplicationShutdown();
    }
    const [row] = await t.dataSource.query(`SELECT sent_at IS NOT NULL AS sent FROM outbox_message WHERE job_id = $1`, [jobId]);
    expect(row).toEqual({ sent: true });
    // Shut down: neither its listener nor its relay connection is left open (a backend ends just after its client says so).
    const openConnections = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'gds-outbox-relay' AND datname = current_database()`))[0].n as number;
    const closedBy = Date.now() + 10_000;
    while ((await openConnections()) > 0 && Date.now() < closedBy) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await openConnections()).toBe(0);
  });
});
