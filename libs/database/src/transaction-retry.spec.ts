import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { onTransactionRetry, retryDelayMs, runWithTransactionRetry, TRANSACTION_RETRY, TransactionRetryEvent } from './transaction-retry';

/** A failure as TypeORM raises it: the SQLSTATE on the driver error. */
const pgError = (code: string) => new QueryFailedError('UPDATE t SET n = n + 1', [], Object.assign(new Error(`sqlstate ${code}`), { code }));

/** Fails with the given errors in turn, then answers 'done'; counts its runs. */
function failing(...errors: unknown[]) {
  const run = jest.fn(async () => {
    const next = errors.shift();
    if (next) throw next;
    return 'done';
  });
  return run;
}

describe('runWithTransactionRetry', () => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);
  let events: TransactionRetryEvent[];
  let stop: () => void;
  beforeEach(() => {
    waits.length = 0;
    events = [];
    stop = onTransactionRetry((event) => events.push(event));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    stop();
    jest.restoreAllMocks();
  });

  it.each(['40P01', '40001'])('runs the transaction again after %s and answers what the re-run answers', async (code) => {
    const run = failing(pgError(code));
    await expect(runWithTransactionRetry(run, 'T.m', TRANSACTION_RETRY, wait)).resolves.toBe('done');
    expect(run).toHaveBeenCalledTimes(2);
    expect(events).toEqual([{ code, attempt: 1, gaveUp: false }]);
    expect(waits).toHaveLength(1);
  });

  it('reads the code of a raw pg error too (named statements on the pool raise those)', async () => {
    const run = failing(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    await expect(runWithTransactionRetry(run, 'T.m', TRANSACTION_RETRY, wait)).resolves.toBe('done');
    expect(run).toHaveBeenCalledTimes(2);
  });

  it.each([['a unique violation', pgError('23505')], ['an admin shutdown', pgError('57P01')], ['a lost connection', new Error('Connection terminated unexpectedly')], ['a domain error', new Error('not found')]])(
    'never re-runs after %s',
    async (_what, error) => {
      const run = failing(error);
      await expect(runWithTransactionRetry(run, 'T.m', TRANSACTION_RETRY, wait)).rejects.toBe(error);
      expect(run).toHaveBeenCalledTimes(1);
      expect(events).toEqual([]);
    },
  );

  it('gives up after the policy’s attempts with the last error unchanged (the problem filter answers it 503)', async () => {
    const last = pgError('40001');
    const run = failing(pgError('40P01'), pgError('40P01'), last, pgError('40P01'));
    await expect(runWithTransactionRetry(run, 'T.m', TRANSACTION_RETRY, wait)).rejects.toBe(last);
    expect(run).toHaveBeenCalledTimes(TRANSACTION_RETRY.attempts);
    expect(events.map((e) => [e.attempt, e.gaveUp])).toEqual([[1, false], [2, false], [3, true]]);
    expect(waits).toHaveLength(TRANSACTION_RETRY.attempts - 1);
  });

  it('logs each re-run with the method and the code', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await runWithTransactionRetry(failing(pgError('40P01')), 'Users.setActive', TRANSACTION_RETRY, wait);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ msg: 'transaction retried', transaction: 'Users.setActive', code: '40P01', attempt: 1, error: 'sqlstate 40P01' }));
  });

  it('goes on retrying when a listener throws, and still gives up with the database error', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const unsubscribe = onTransactionRetry(() => {
      throw new Error('listener broke');
    });
    try {
      await expect(runWithTransactionRetry(failing(pgError('40P01')), 'T.m', TRANSACTION_RETRY, wait)).resolves.toBe('done');
      const last = pgError('40001');
      await expect(runWithTransactionRetry(failing(last, last, last), 'T.m', TRANSACTION_RETRY, wait)).rejects.toBe(last);
      expect(error).toHaveBeenCalledWith(expect.objectContaining({ msg: 'a transaction retry listener failed', error: 'listener broke' }));
    } finally {
      unsubscribe();
    }
  });
});

describe('retryDelayMs', () => {
  it('doubles per attempt, jittered within the upper half, never zero', () => {
    const policy = { attempts: 3, baseDelayMs: 40 };
    expect([retryDelayMs(1, policy, () => 0), retryDelayMs(1, policy, () => 1)]).toEqual([20, 40]);
    expect([retryDelayMs(2, policy, () => 0), retryDelayMs(2, policy, () => 1)]).toEqual([40, 80]);
    expect(retryDelayMs(1, policy, () => 0.5)).toBe(30);
  });
});
