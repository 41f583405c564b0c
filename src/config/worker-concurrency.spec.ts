import { queueConcurrencies } from './worker-concurrency';

describe('queueConcurrencies', () => {
  it('gives progress a quarter and notifications half of WORKER_CONCURRENCY when unset, at least one each', () => {
    expect(queueConcurrencies({ WORKER_CONCURRENCY: 16 })).toEqual({ progress: 4, notifications: 8 });
    expect(queueConcurrencies({ WORKER_CONCURRENCY: 8 })).toEqual({ progress: 2, notifications: 4 });
    expect(queueConcurrencies({ WORKER_CONCURRENCY: 1 })).toEqual({ progress: 1, notifications: 1 });
  });

  it('takes each queue’s own setting when given', () => {
    expect(queueConcurrencies({ WORKER_CONCURRENCY: 16, WORKER_PROGRESS_CONCURRENCY: 10, WORKER_NOTIFICATION_CONCURRENCY: 3 })).toEqual({ progress: 10, notifications: 3 });
  });
});
