import { QUEUE_PROCESSORS } from './queue-processors';
import { QueueSettings } from './queue-settings';
import { QUEUE_NAMES, QueueName } from './job-catalog';

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

  it("bound each worker's close, so a connection stuck reconnecting cannot hold the shutdown", () => {
    const never = () => new Promise<void>(() => undefined);
    QUEUE_PROCESSORS.forEach((Processor) => {
      const processor = new (Processor as unknown as new (...args: unknown[]) => InstanceType<typeof Processor>)(undefined, { ...base, concurrency: 1 }, undefined, undefined, undefined);
      const worker = { concurrency: 1, close: never, disconnect: () => Promise.resolve() };
      (processor as unknown as { _worker: typeof worker })._worker = worker;
      processor.onApplicationBootstrap();
      expect(worker.close).not.toBe(never);
    });
  });
});
