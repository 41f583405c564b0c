import { Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { QueryFailedError } from 'typeorm';
import { TRANSACTION_RETRY } from './transaction-retry';
import { Transactional } from './transactional.decorator';

const pgError = (code: string) => new QueryFailedError('UPDATE t SET n = n + 1', [], Object.assign(new Error(`sqlstate ${code}`), { code }));

/** Fails with the given errors in turn, then answers 'done'. */
function failing(...errors: unknown[]) {
  return jest.fn(async () => {
    const next = errors.shift();
    if (next) throw next;
    return 'done';
  });
}

/**
 * The decorator over a stand-in transaction host that joins as nestjs-cls's does (REQUIRED): a call
 * made while a transaction is active runs inside it, any other begins one.
 */
describe('@Transactional() from @gds/database', () => {
  const host = {
    active: false,
    begun: 0,
    isTransactionActive() {
      return this.active;
    },
    async withTransaction(_propagation: unknown, _options: unknown, fn: () => Promise<unknown>) {
      if (this.active) return fn();
      this.active = true;
      this.begun++;
      try {
        return await fn();
      } finally {
        this.active = false;
      }
    },
  };

  class Service {
    inner = failing();
    outerRuns = 0;
    @Transactional()
    async outer(): Promise<string> {
      this.outerRuns++;
      return this.nested();
    }
    @Transactional()
    async nested(): Promise<string> {
      return this.inner();
    }
  }

  beforeEach(() => {
    host.begun = 0;
    jest.spyOn(TransactionHost, 'getInstance').mockReturnValue(host as never);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('re-runs the outermost method from its start, in a new transaction each time', async () => {
    const service = new Service();
    service.inner = failing(pgError('40P01'));
    await expect(service.outer()).resolves.toBe('done');
    expect(service.outerRuns).toBe(2);
    expect(host.begun).toBe(2);
  });

  it('a nested call does not retry on its own: its deadlock goes up to the outermost, which re-runs all', async () => {
    const service = new Service();
    const error = pgError('40P01');
    service.inner = failing(error, error, error, error, error);
    await expect(service.outer()).rejects.toBe(error);
    // Three runs of the whole, each running the nested method once: not 3 × 3.
    expect(service.outerRuns).toBe(TRANSACTION_RETRY.attempts);
    expect(service.inner).toHaveBeenCalledTimes(TRANSACTION_RETRY.attempts);
  });

  it('a method called on its own is the outermost and retries', async () => {
    const service = new Service();
    service.inner = failing(pgError('40001'));
    await expect(service.nested()).resolves.toBe('done');
    expect(service.inner).toHaveBeenCalledTimes(2);
  });

  it('keeps the method’s name and passes its arguments and `this` on each run', async () => {
    class Echo {
      runs: unknown[][] = [];
      @Transactional()
      async echo(...args: unknown[]) {
        this.runs.push(args);
        if (this.runs.length === 1) throw pgError('40P01');
        return args;
      }
    }
    const echo = new Echo();
    await expect(echo.echo(1, 'a')).resolves.toEqual([1, 'a']);
    expect(echo.runs).toEqual([[1, 'a'], [1, 'a']]);
    expect(Echo.prototype.echo.name).toBe('echo');
  });
});
