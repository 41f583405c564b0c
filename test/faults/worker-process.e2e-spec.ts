import { waitFor } from '@gds/testing';
import { statSync } from 'node:fs';
import { startTestApp, TestApp } from '../support/test-app';
import { loginAdmin, TestPerson } from '../support/people';
import { AppProcess, heartbeatAge, startChildApp } from '../support/app-process';
import { recordFigures } from '../support/figures';

/**
 * The worker as a real child process (the built app, `node dist/src/main.js worker`): its heartbeat
 * file, SIGKILL while idle and while working, restart. The HTTP side runs in-process (api role) on
 * the same database and queue prefix. This is the harness the assessment's "worker killed
 * mid-grading" test uses; here the work is pipeline probes, which count their deliveries.
 */
describe('fault: worker process killed', () => {
  let t: TestApp;
  let worker: AppProcess;
  let admin: TestPerson;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    worker = await startChildApp({ role: 'worker', database: t.database, queuePrefix: t.config.QUEUE_PREFIX });
    admin = await loginAdmin(t.api);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  const sendProbes = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await t.api.post('/api/v1/admin/pipeline-probes', undefined, admin.token)).body.id);
    return ids;
  };
  const runs = async (ids: string[]): Promise<number[]> =>
    (await t.dataSource.query('SELECT handled_runs FROM pipeline_probe WHERE id = ANY($1)', [ids])).map((r: { handled_runs: number }) => r.handled_runs);

  it('beats while alive', async () => {
    expect(Number.isFinite(heartbeatAge(worker))).toBe(true);
    const file = worker.options.env.WORKER_HEARTBEAT_FILE;
    const before = statSync(file).mtimeMs;
    // Touched again (every second here) while the worker lives.
    await waitFor(() => statSync(file).mtimeMs > before, { what: 'a fresh heartbeat', timeoutMs: 30_000 });
  });

  it('loses nothing when killed (SIGKILL) while idle or while working, and handles everything once restarted', async () => {
    // Killed while idle: work sent meanwhile waits in the outbox (the api role has no relay),
    // then is handled exactly once.
    await worker.kill();
    expect(worker.running).toBe(false);
    const whileDead = await sendProbes(20);
    const pending = (await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL'))[0].n;
    expect(pending).toBeGreaterThanOrEqual(20);
    await worker.startAndWait();
    await waitFor(async () => (await runs(whileDead)).every((n) => n >= 1), { what: 'the probes sent while the worker was dead', timeoutMs: 60_000 });
    expect(await runs(whileDead)).toEqual(whileDead.map(() => 1));

    // Killed while working: some probes may be in flight; none is lost (BullMQ re-runs stalled jobs).
    const busy = await sendProbes(150);
    await waitFor(async () => (await runs(busy)).filter((n) => n >= 1).length >= 10, { what: 'the worker to be busy', timeoutMs: 60_000 });
    await worker.kill();
    const handledAtKill = (await runs(busy)).filter((n) => n >= 1).length;
    await worker.startAndWait();
    await waitFor(async () => (await runs(busy)).every((n) => n >= 1), { what: 'every probe handled after the restart', timeoutMs: 80_000 });
    const final = await runs([...whileDead, ...busy]);
    recordFigures('fault-worker-sigkill', 'Fault: worker process killed with SIGKILL (issue 9.4, pipeline probes)', [
      { label: 'kills (idle, busy)', value: 2 },
      { label: 'probes sent', value: final.length },
      { label: 'probes handled when the busy worker was killed', value: handledAtKill },
      { label: 'probes lost', value: final.filter((n) => n === 0).length, expected: 0 },
      { label: 'extra deliveries (at-least-once; handlers must be idempotent)', value: final.reduce((sum, n) => sum + Math.max(0, n - 1), 0) },
    ]);
    expect(final.filter((n) => n === 0)).toEqual([]);
    // Jobs held by the killed worker are re-run after BullMQ's stalled-job check (30 s lock): allow for it.
  });
});
