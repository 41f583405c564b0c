import { Logger } from '@nestjs/common';
import { QUEUE_PROCESSORS } from './queue-processors';
import { QueueSettings } from './queue-settings';
import { QUEUE_NAMES, QueueName } from './job-catalog';
import { WORKER_CLOSE_GRACE_MS } from './bounded-worker-close';

/** Each queue's worker takes its own concurrency when the settings name one, the common one otherwise. */
function concurrencies(settings: QueueSettings): Record<QueueName, number> {
  const result = {} as Record<QueueName, number>;
  QUEUE_PROCESSORS.forEach((Processor, i) => {
    const processor = new (Processor as unknown as new (...args: unknown[]) => InstanceType<typeof Processor>)(undefined, settings, undefined, undefined, undefined);
    const worker = { concurrency: 1, close: () => Promise.resolve(), disconnect: () => Promise.resolve() };
    (processor as unknown as { _worker: typeof worker })._worker = worker;
    processor.onApplicationBootstrap();
    result[QUEUE_NAMES[i]] = worker.concurrency;
  });
  return result;
}

describe('queue processors', () => {
  const base = { redisUrl: '', prefix: '', outboxPollIntervalMs: 1 };

  it('give every queue the common concurrency by default', () => {
    expect(concurrencies({ ...base, concurrency: 16 })).toEqual({ grading: 16, 'grading-slow': 16, progress: 16, notifications: 16, maintenance: 16 });
  });

  it('give a queue whose own setting is unset the common one (lowering WORKER_CONCURRENCY lowers every queue)', () => {
    expect(concurrencies({ ...base, concurrency: 4, concurrencyByQueue: { progress: undefined, notifications: undefined } })).toEqual({ grading: 4, 'grading-slow': 4, progress: 4, notifications: 4, maintenance: 4 });
  });

  it('give a queue named in concurrencyByQueue its own (fewer progress slots leave pooled connections to grading)', () => {
    expect(concurrencies({ ...base, concurrency: 16, concurrencyByQueue: { progress: 4, notifications: 8 } })).toEqual({ grading: 16, 'grading-slow': 16, progress: 4, notifications: 8, maintenance: 16 });
  });

  it("bound each worker's close, so a connection stuck reconnecting cannot hold the shutdown", async () => {
    jest.useFakeTimers();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      for (const Processor of QUEUE_PROCESSORS) {
        const processor = new (Processor as unknown as new (...args: unknown[]) => InstanceType<typeof Processor>)(undefined, { ...base, concurrency: 1 }, undefined, undefined, undefined);
        const dropped: string[] = [];
        const client = (name: string) => ({ disconnect: () => void dropped.push(name) });
        const worker = {
          concurrency: 1,
          // BullMQ's close waiting for an `end` event that never comes (taskforcesh/bullmq#4656).
          close: () => new Promise<void>(() => undefined),
          disconnect: () => new Promise<void>(() => undefined),
          getBackend: () => ({ connection: { _client: client('main') }, blockingConnection: { _client: client('blocking') } }),
        };
        (processor as unknown as { _worker: typeof worker })._worker = worker;
        processor.onApplicationBootstrap();
        let closed = false;
        void worker.close().then(() => (closed = true));
        await jest.advanceTimersByTimeAsync(WORKER_CLOSE_GRACE_MS - 1);
        expect(closed).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(closed).toBe(true);
        expect(dropped).toEqual(['main', 'blocking']);
      }
      expect(warn).toHaveBeenCalledTimes(QUEUE_PROCESSORS.length);
    } finally {
      warn.mockRestore();
      jest.useRealTimers();
    }
  });
});
