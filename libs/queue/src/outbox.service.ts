import { Injectable } from '@nestjs/common';
import { AppTransactionHost, namedStatement, namedStatementInTransaction } from '@gds/database';
import { JobName, JobPayloads, jobIdFor, jobPolicy } from './job-catalog';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { ClsService } from 'nestjs-cls';
import { noteDeferredRelayWake } from './deferred-relay-wake';

/** The rows of publishAll, with or without the NOTIFY: in nearly every job's transaction, so parsed once per connection (named-statement.ts). */
const insertRows = (last: string) => `WITH inserted AS (
   INSERT INTO outbox_message (job_name, queue, payload, job_id, available_at)
   SELECT name, queue, payload::jsonb, job_id, now() + delay_ms * interval '1 millisecond'
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS r(name, queue, payload, job_id, delay_ms)
 )
 SELECT ${last}`;
const INSERT_ROWS_AND_WAKE = namedStatement('outbox:insert-rows-and-wake', insertRows(`pg_notify('${OUTBOX_CHANNEL}', '')`));
const INSERT_ROWS_QUIETLY = namedStatement('outbox:insert-rows-quietly', insertRows('1'));

/** The job's id is not an option: the job catalog makes it from the payload (jobIdFor). */
export interface PublishOptions {
  delayMs?: number;
}

/** One job to publish, for publishing several of different names in one statement. */
export type OutboxItem = { [N in JobName]: { name: N; payload: JobPayloads[N] } & PublishOptions }[JobName];

/** Rows per INSERT: keeps a very large fan-out within Postgres's parameter and memory limits. */
const ROWS_PER_STATEMENT = 1000;

/** Publishing outside a transaction: a programming error (a missing `@Transactional()`), never the caller's input. */
export class OutboxOutsideTransactionError extends Error {
  constructor(names: string[]) {
    super(`Outbox.publish outside a transaction (${[...new Set(names)].join(', ')}): the event would commit on its own, apart from the change it reports. Publish from a @Transactional() method.`);
    this.name = 'OutboxOutsideTransactionError';
  }
}

/**
 * Writes events into the outbox inside the caller's transaction, and refuses to write outside one:
 * an event committed apart from its change could announce a change that then rolls back. Never
 * enqueues directly: the relay does, after the transaction has committed.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly cls: ClsService,
  ) {}

  /** Answers the job's id (the catalog's), by which its status can be read. */
  async publish<N extends JobName>(name: N, payload: JobPayloads[N], options: PublishOptions = {}): Promise<string> {
    const [id] = await this.publishAll([{ name, payload, ...options } as OutboxItem]);
    return id;
  }

  /**
   * One job written by the caller's own statement, when a write and its event are the whole request
   * (a submission and its grading job: one round trip fewer). The row is written only if the CTE
   * named `when` yields a row; the caller selects `notify` from it. Refuses outside a transaction,
   * as `publish` does.
   */
  embed<N extends JobName>(name: N, payload: JobPayloads[N], options: { firstParam: number; when: string; as?: string; ownStatement?: boolean }): EmbeddedJob {
    // `ownStatement`: the caller runs the write and this row as one statement outside any transaction
    // (a statement is a transaction of its own, so they still commit together) — no BEGIN and COMMIT
    // round trips, no connection held between them (issue 23's load run).
    if (!options.ownStatement && !this.txHost.isTransactionActive()) throw new OutboxOutsideTransactionError([name]);
    const row = toRow({ name, payload } as OutboxItem);
    return { ...embeddedJobSql(options), params: [row.name, row.queue, row.payload, row.jobId], jobId: row.jobId };
  }

  async publishMany<N extends JobName>(name: N, items: Array<{ payload: JobPayloads[N] } & PublishOptions>): Promise<string[]> {
    return this.publishAll(items.map((item) => ({ name, ...item }) as OutboxItem));
  }

  /**
   * Every row and the NOTIFY that wakes the relays go in one statement: on the submission and
   * grading paths each round trip to Postgres counts. The NOTIFY is delivered at commit, and only
   * then. `wakeRelay: false` leaves the rows to the relay's next poll (OUTBOX_POLL_INTERVAL_MS) or
   * to the next NOTIFY of anyone: Postgres serialises the commits of notifying transactions, so
   * follow-up events that can wait a poll should not take that turn. In a job, the worker's own
   * relay is asked to move such rows a few milliseconds after the job ends (deferred-relay-wake.ts).
   */
  async publishAll(items: OutboxItem[], options: { wakeRelay?: boolean } = {}): Promise<string[]> {
    if (!this.txHost.isTransactionActive()) throw new OutboxOutsideTransactionError(items.map((item) => item.name));
    const wake = options.wakeRelay ?? true;
    if (!wake && items.length > 0) noteDeferredRelayWake(this.cls);
    const all = items.map(toRow);
    for (let start = 0; start < all.length; start += ROWS_PER_STATEMENT) {
      const rows = all.slice(start, start + ROWS_PER_STATEMENT);
      await namedStatementInTransaction(this.txHost.tx, wake ? INSERT_ROWS_AND_WAKE : INSERT_ROWS_QUIETLY,
        [rows.map((r) => r.name), rows.map((r) => r.queue), rows.map((r) => r.payload), rows.map((r) => r.jobId), rows.map((r) => r.delayMs)],
      );
    }
    return all.map((row) => row.jobId);
  }
}

/**
 * The SQL of `Outbox.embed`'s row: it depends on the options only, never on the job, so a caller
 * can build its statement once at module load (a named statement, issue 23) and pass the same
 * options to `embed` per request for the values.
 */
export function embeddedJobSql(options: { firstParam: number; when: string; as?: string }): Pick<EmbeddedJob, 'cte' | 'notify'> {
  const n = options.firstParam;
  return {
    cte: `${options.as ?? 'outboxed'} AS (
        INSERT INTO outbox_message (job_name, queue, payload, job_id, available_at)
        SELECT $${n}::text, $${n + 1}::text, $${n + 2}::jsonb, $${n + 3}::text, now() WHERE EXISTS (SELECT 1 FROM ${options.when})
      )`,
    notify: `pg_notify('${OUTBOX_CHANNEL}', '')`,
  };
}

/** One outbox row as part of a caller's own statement (`Outbox.embed`). */
export interface EmbeddedJob {
  /** A CTE (`name AS (...)`) writing the row, for the caller's WITH list. */
  cte: string;
  /** Its values, to append to the caller's parameters: they are numbered from the caller's `firstParam`. */
  params: unknown[];
  /** An expression for the caller's final SELECT that wakes the relays at commit. */
  notify: string;
  jobId: string;
}

function toRow(item: OutboxItem) {
  const policy = jobPolicy(item.name);
  if (!policy) throw new Error(`Unknown job "${item.name}"`);
  const jobId = jobIdFor(item.name, item.payload as never);
  return { name: item.name, queue: policy.queue, payload: JSON.stringify(item.payload), jobId, delayMs: Math.max(0, Math.round(item.delayMs ?? 0)) };
}
