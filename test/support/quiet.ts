import { QueueRegistry } from '@gds/queue';
import { waitFor } from '@gds/testing';
import type { TestApp } from './test-app';

/**
 * Waits until the outbox is relayed and no job waits or runs, so that work started by earlier
 * steps (emails, fan-outs) no longer changes rows while a test compares database fingerprints.
 */
export async function waitForQuiet(t: TestApp): Promise<void> {
  await waitFor(async () => {
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL');
    if (n > 0) return false;
    for (const queue of t.get<QueueRegistry>(QueueRegistry).all()) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(counts).some((c) => c > 0)) return false;
      // Delayed jobs are retries, or the next runs of the schedules (which never go away).
      if ((await queue.getDelayed()).some((job) => !job.repeatJobKey)) return false;
    }
    return true;
  }, { what: 'the outbox and the queues to be idle', timeoutMs: 60_000 });
}
