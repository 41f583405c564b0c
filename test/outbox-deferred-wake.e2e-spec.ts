import { randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { AppTransactionHost } from '@gds/database';
import { Outbox, OutboxRelay } from '@gds/queue';
import { JobHandlerRegistry } from '../libs/queue/src/job-handler.registry';
import { QUEUE_PROCESSORS } from '../libs/queue/src/queue-processors';
import { startTestApp, TestApp } from './support/test-app';

/*
 * A job that publishes with `wakeRelay: false` inside a transaction (grading does) leaves its rows
 * without a NOTIFY; the processor must ask this process's relay to move them once the handler is done.
 * The transaction runs in a child CLS context, so what it notes must survive that context's end.
 */
describe('outbox: deferred relay wake after a job', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('asks the relay to move the rows soon when the handler published them without a NOTIFY in a transaction', async () => {
    const processor = t.get<{ process(job: Job): Promise<unknown> }>(QUEUE_PROCESSORS[0]);
    const registry = t.get<JobHandlerRegistry>(JobHandlerRegistry);
    const relay = t.get<OutboxRelay>(OutboxRelay);
    const txHost = t.get<AppTransactionHost>(AppTransactionHost);
    const outbox = t.get<Outbox>(Outbox);
    const enrollmentId = randomUUID();
    const handler = () => txHost.withTransaction(() => outbox.publishAll([{ name: 'recompute-progress', payload: { enrollmentId } }], { wakeRelay: false }));
    const lookup = jest.spyOn(registry, 'handlerFor').mockReturnValue(handler as never);
    const soon = jest.spyOn(relay, 'soon');
    try {
      await processor.process({ name: 'recompute-progress', id: 'test', data: { enrollmentId }, attemptsMade: 0, updateProgress: async () => undefined } as unknown as Job);
      expect(soon).toHaveBeenCalledTimes(1);
      // A job that published nothing quietly asks for nothing.
      lookup.mockReturnValue((async () => undefined) as never);
      await processor.process({ name: 'recompute-progress', id: 'test-2', data: { enrollmentId }, attemptsMade: 0 } as unknown as Job);
      expect(soon).toHaveBeenCalledTimes(1);
    } finally {
      lookup.mockRestore();
      soon.mockRestore();
    }
  });
});
