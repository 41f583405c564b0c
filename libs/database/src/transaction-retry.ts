import { Logger } from '@nestjs/common';
import { PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE, postgresCode } from './postgres-errors';

/**
 * The SQLSTATEs after which Postgres has rolled the whole transaction back and the same work, run
 * again from its start, may well succeed: it lost a deadlock or a serialization conflict, not an
 * argument. Every other error (a constraint, a lost connection, a timeout) surfaces at once.
 */
export const RETRIED_TRANSACTION_CODES: ReadonlySet<string> = new Set([PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE]);

export interface TransactionRetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** The wait before the first re-run; it doubles for each later one. */
  baseDelayMs: number;
}

/**
 * Three runs and waits of 13–25 then 25–50 ms: a lost deadlock usually goes through at once, since the
 * winner has committed or is about to; the jitter keeps two losers of the same conflict from meeting
 * again in step. A request gives up within about 75 ms of waiting, and no connection is held while it
 * waits (the failed transaction's has gone back to the pool).
 */
export const TRANSACTION_RETRY: TransactionRetryPolicy = { attempts: 3, baseDelayMs: 25 };

/** One re-run (`gaveUp: false`) or the last failure that was not re-run (`gaveUp: true`), for metrics. */
export interface TransactionRetryEvent {
  code: string;
  attempt: number;
  gaveUp: boolean;
}

type Listener = (event: TransactionRetryEvent) => void;
const listeners = new Set<Listener>();

/**
 * Hears every retry and give-up in this process, whichever method ran; answers the unsubscribe. A
 * hook rather than a metrics dependency: this library knows no metrics service (the app's
 * MetricsService subscribes).
 */
export function onTransactionRetry(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const logger = new Logger('TransactionRetry');

/** A listener that throws must neither replace the database error nor stop the retry: it is logged and passed over. */
function notify(event: TransactionRetryEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      logger.error({ msg: 'a transaction retry listener failed', error: (error as Error).message });
    }
  }
}

/** Equal jitter: half the doubled delay fixed, half random, so a re-run never comes at once. */
export function retryDelayMs(attempt: number, policy: TransactionRetryPolicy = TRANSACTION_RETRY, random: () => number = Math.random): number {
  const ceiling = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `transaction` (which must open and end its own transaction) and runs it again from its start
 * when Postgres aborted it with a code of RETRIED_TRANSACTION_CODES, at most `policy.attempts` times
 * in all; then the last error surfaces unchanged (the problem filter answers it 503).
 */
export async function runWithTransactionRetry<T>(
  transaction: () => Promise<T>,
  what: string,
  policy: TransactionRetryPolicy = TRANSACTION_RETRY,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const code = postgresCode(error);
      if (!code || !RETRIED_TRANSACTION_CODES.has(code)) throw error;
      const gaveUp = attempt >= policy.attempts;
      notify({ code, attempt, gaveUp });
      if (gaveUp) {
        logger.warn({ msg: 'transaction failed after its last retry', transaction: what, code, attempts: attempt, error: (error as Error).message });
        throw error;
      }
      const delayMs = retryDelayMs(attempt, policy);
      logger.warn({ msg: 'transaction retried', transaction: what, code, attempt, delayMs, error: (error as Error).message });
      await wait(delayMs);
    }
  }
}
