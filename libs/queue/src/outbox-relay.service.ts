import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { OUTBOX_CHANNEL } from './outbox-channel';
import { DataSource } from 'typeorm';
import { driverPool, namedStatement, PgPool, pgPoolReader, PoolReader } from '@gds/database';
import { jobOptions } from './job-catalog';
import { QueueRegistry } from './queue-registry';
import { QueueSettings } from './queue-settings';

const BATCH_SIZE = 200;
const ENQUEUE_TIMEOUT_MS = 3_000;
const MAX_RETRY_DELAY_MS = 60_000;
/** How long a claimed row stays out of other relays' reach: far longer than an enqueue may take (ENQUEUE_TIMEOUT_MS). */
const LEASE_MS = 30_000;
/**
 * How long `soon()` waits before it wakes the relay: the follow-ups of jobs that end within it go in
 * one batch (one claim, one addBulk per queue), and the wait is far below a poll interval.
 */
const SOON_MS = 15;
/**
 * Claims of a running relay start at least this far apart (QueueSettings.outboxClaimSpacingMs
 * overrides it): rows committed meanwhile go in one batch — one claim, one addBulk per queue, one
 * mark — instead of one batch each. A row reaching an idle relay is claimed at once; under a steady
 * stream a row waits at most this long. Measured in bench/relay-cpu.ts (bench/findings/relay-batching.md).
 */
export const DEFAULT_CLAIM_SPACING_MS = 50;

/** An outbox row as the claim answers it. */
interface ClaimedRow {
  id: string;
  jobName: string;
  queue: string;
  payload: Record<string, unknown>;
  jobId: string | null;
  attempts: number;
  dueAt: Date;
  /** The row's claim count after this claim: the token of this relay's lease (a later claim raises it). */
  claims: number;
}


/** The relay's fixed statements, run on its one connection every batch: parsed once (named-statement.ts). */
/**
 * The claim, which also marks sent the rows of the batch before (`$3`, `$4`: ids and lease tokens,
 * empty when there are none) when the relay goes straight on to another batch: one statement per
 * batch instead of two. Those rows are excluded from the claim by id (their lease still holds; the
 * exclusion only spares the statement touching a row twice if it ran out). One row always comes
 * back: `marked` counts the rows marked, and the claimed row's columns are null when none was due.
 */
const CLAIM_DUE_ROWS = namedStatement('outbox:claim-due-rows-marking', `WITH marked AS (
         UPDATE outbox_message o SET sent_at = now()
           FROM unnest($3::uuid[], $4::int[]) AS mine(id, claims)
          WHERE o.id = mine.id AND o.claims = mine.claims AND o.sent_at IS NULL
         RETURNING o.id
       ), due AS (
         SELECT id FROM outbox_message
          WHERE sent_at IS NULL AND available_at <= now() AND (leased_until IS NULL OR leased_until <= now()) AND id <> ALL($3::uuid[])
          ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE outbox_message o SET leased_until = now() + $2 * interval '1 millisecond', claims = o.claims + 1
           FROM due WHERE o.id = due.id
         RETURNING o.id, o.job_name AS "jobName", o.queue, o.payload, o.job_id AS "jobId", o.attempts, o.available_at AS "dueAt", o.claims
       )
       SELECT m.n AS marked, c.* FROM (SELECT count(*)::int AS n FROM marked) m LEFT JOIN claimed c ON true`);
const MARK_ROWS_SENT = namedStatement('outbox:mark-rows-sent', `UPDATE outbox_message o SET sent_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS mine(id, claims)
        WHERE o.id = mine.id AND o.claims = mine.claims AND o.sent_at IS NULL
        RETURNING o.id`);
const POSTPONE_ROWS = namedStatement('outbox:postpone-rows', `UPDATE outbox_message o SET attempts = o.attempts + 1, last_error = $3, leased_until = NULL,
              available_at = now() + ($4 || ' milliseconds')::interval
         FROM unnest($1::uuid[], $2::int[]) AS mine(id, claims)
        WHERE o.id = mine.id AND o.claims = mine.claims AND o.sent_at IS NULL`);
/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so that any
 * number of relays share the work; each becomes a job whose id is the row's job id (or the row id),
 * so moving a row twice — after a crash between enqueue and mark-sent — adds no second job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Ends the current wait, whichever it is: for shutdown. */
  private stopWaiting: (() => void) | undefined;
  /**
   * The relay's statements are single autocommit statements: straight on a pg pool. Once bootstrapped
   * (a worker) that is a connection of the relay's own (`ownConnection`); before (a test or the CLI
   * driving relayBatch by hand), the app's pool.
   */
  private pool: PoolReader;
  private ownPool: Pool | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly settings: QueueSettings,
  ) {
    this.pool = driverPool(dataSource);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.ownConnection();
    this.loop = this.run();
    void this.listen();
  }

  /** Before any module shuts down: the loop must finish its batch while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.soonTimer);
    this.stopWaiting?.();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    const own = this.ownPool;
    this.ownPool = undefined;
    this.pool = driverPool(this.dataSource);
    await own?.end().catch(() => undefined);
  }

  /**
   * One connection of the relay's own, apart from the app's pool. On the shared pool each claim and
   * each mark queued (FIFO) behind the checkouts of every job slot (grading 16, progress 4,
   * notifications 8, maintenance 16 against 20 connections), and every grading job committed
   * meanwhile waited for that batch to end: the relay was the largest worker-side stage of the
   * grading lag in the load run (bench/load/grading-lag-stages.ts). One connection is enough: the
   * loop runs one statement at a time. pg's Pool (max 1) reconnects on the next query after a drop.
   */
  private ownConnection(): void {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    void this.ownPool?.end().catch(() => undefined);
    // keepAlive and a query timeout: a half-open connection must not stall the relay's one connection for good.
    const pool = new Pool({
      connectionString: url, max: 1, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000, keepAlive: true, query_timeout: 30_000, application_name: 'gds-outbox-relay',
    });
    pool.on('error', (error) => this.logger.warn({ msg: 'outbox relay connection lost; the next batch reconnects', error: error.message }));
    this.ownPool = pool;
    this.pool = pgPoolReader(pool as unknown as PgPool);
  }

  private listener: Client | undefined;
  private woken = false;

  /**
   * LISTEN for the NOTIFY that Outbox.publish sends at commit, so a new row is relayed at once
   * instead of at the next poll. Polling stays the fallback (and the only path if LISTEN fails).
   */
  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url || !this.running) return;
    const client = new Client({ connectionString: url, application_name: 'gds-outbox-relay' });
    client.on('notification', () => this.nudge());
    client.on('error', (error) => {
      this.logger.warn({ msg: 'outbox listener lost; polling only until it reconnects', error: error.message });
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      if (this.running) setTimeout(() => void this.listen(), 5_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (!this.running) return void (await client.end());
      this.listener = client;
    } catch (error) {
      client.end().catch(() => undefined);
      if (this.running) setTimeout(() => void this.listen(), 5_000).unref();
      this.logger.warn({ msg: 'outbox listener could not connect; polling only', error: (error as Error).message });
    }
  }

  private soonTimer: NodeJS.Timeout | undefined;

  /** Rows committed by a job of this process without a NOTIFY (Outbox `wakeRelay: false`): move them in SOON_MS. */
  soon(): void {
    if (this.soonTimer || !this.running) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = undefined;
      this.nudge();
    }, SOON_MS);
    this.soonTimer.unref();
  }

  private nudge(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Rows not yet moved to the queue. */
  async pendingCount(): Promise<number> {
    const [row] = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL', []);
    return row.n;
  }

  /** Rows added to their queues whose mark is still to be sent (with the next claim, or before the relay sleeps). */
  private unmarked: ClaimedRow[] = [];

  /**
   * Moves one batch and marks it sent; answers how many rows were moved. Public for tests and the CLI.
   *
   * Autocommit statements, no transaction held while Redis answers: the claim leases the rows (sets
   * `leased_until` LEASE_MS out and counts the claim, SKIP LOCKED so relays share the work;
   * `available_at` stays, so a row's lag keeps counting from when it became due), the jobs are
   * added, then the rows are marked sent. A relay that dies between claim and mark leaves the rows
   * to be claimed again when the lease runs out, and the job ids make that second move a no-op: at
   * least once. The running loop marks a batch with its next claim when one follows at once (a
   * statement per batch instead of two); until then the lease keeps the rows from other relays.
   */
  async relayBatch(): Promise<number> {
    const moved = await this.claimAndAdd();
    await this.markUnmarked();
    return moved;
  }

  /** Claims a batch (marking the batch before it, if any), adds its jobs, and leaves it to be marked. */
  private async claimAndAdd(): Promise<number> {
    const marking = this.unmarked;
    this.unmarked = [];
    let answer: Array<ClaimedRow & { marked: number }>;
    try {
      answer = await this.pool.query(CLAIM_DUE_ROWS, [BATCH_SIZE, LEASE_MS, ...leaseTokens(marking)]);
    } catch (error) {
      this.unmarked = marking.concat(this.unmarked);
      throw error;
    }
    this.noteLostLeases(marking.length, answer[0]?.marked ?? 0);
    const rows: ClaimedRow[] = answer.filter((row) => row.id !== null);
    if (rows.length === 0) return 0;
    rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    try {
      await this.enqueue(rows);
    } catch (error) {
      await this.postpone(rows, error as Error);
      return 0;
    }
    this.unmarked.push(...rows);
    return rows.length;
  }

  /** Marks sent what was added and not yet marked: before the relay sleeps, at shutdown, and in relayBatch. */
  private async markUnmarked(): Promise<void> {
    if (this.unmarked.length === 0) return;
    const marking = this.unmarked;
    this.unmarked = [];
    try {
      const marked = await this.pool.query<{ id: string }>(MARK_ROWS_SENT, leaseTokens(marking));
      this.noteLostLeases(marking.length, marked.length);
    } catch (error) {
      this.unmarked = marking.concat(this.unmarked);
      throw error;
    }
  }

  private noteLostLeases(expected: number, marked: number): void {
    if (marked >= expected) return;
    // Our lease ran out mid-move and another relay holds the row now: its claim marks it (its add is a no-op by job id).
    this.logger.warn({ msg: 'outbox relay lost the lease on rows before marking them sent', rows: expected - marked });
  }

  private async enqueue(rows: ClaimedRow[]): Promise<void> {
    const byQueue = new Map<string, ClaimedRow[]>();
    for (const row of rows) {
      const queued = byQueue.get(row.queue);
      if (queued) queued.push(row);
      else byQueue.set(row.queue, [row]);
    }
    const adds = [...byQueue.entries()].map(([queueName, queued]) =>
      this.queues.get(queueName as never).addBulk(queued.map((row) => this.toJob(row))),
    );
    await withTimeout(Promise.all(adds), ENQUEUE_TIMEOUT_MS, 'enqueue timed out: is Redis reachable?');
  }

  private toJob(row: ClaimedRow) {
    return { name: row.jobName, data: row.payload, opts: { jobId: row.jobId ?? row.id, ...jobOptions(row.jobName) } };
  }

  /** Ends the lease early (only leases still this relay's): the rows come back after the retry delay, not after LEASE_MS. */
  private async postpone(rows: ClaimedRow[], error: Error): Promise<void> {
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    const delayMs = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** Math.min(attempts, 12));
    this.logger.warn({ msg: 'outbox relay could not enqueue; will retry', rows: rows.length, attempts, delayMs, error: error.message });
    await this.pool.query(
      POSTPONE_ROWS,
      [...leaseTokens(rows), error.message.slice(0, 500), String(delayMs)],
    );
  }

  /**
   * A claim that moved rows is followed by the next one no sooner than the claim spacing: the relay
   * holds until then, hearing the NOTIFYs that arrive; if any did, it claims again (marking the batch
   * just moved with that claim), else it marks the batch and sleeps until a NOTIFY or the poll. A
   * backlog (a full batch) goes on at once.
   */
  private async run(): Promise<void> {
    const spacingMs = this.settings.outboxClaimSpacingMs ?? DEFAULT_CLAIM_SPACING_MS;
    while (this.running) {
      const claimedAt = Date.now();
      let moved = 0;
      try {
        moved = await this.claimAndAdd();
        // Nothing moved: nothing to share a batch with, so the next NOTIFY is claimed at once.
        if (moved > 0 && moved < BATCH_SIZE) await this.sleep(claimedAt + spacingMs - Date.now(), false);
        // A notification that arrived during the batch or the hold means new rows: go again without sleeping.
        const notified = this.woken;
        this.woken = false;
        if (moved >= BATCH_SIZE || notified || !this.running) continue;
        await this.markUnmarked();
      } catch (error) {
        this.logger.error({ msg: 'outbox relay batch failed', error: (error as Error).message });
      }
      if (this.running) await this.sleep(this.settings.outboxPollIntervalMs, true);
    }
    await this.markUnmarked().catch((error: Error) => this.logger.error({ msg: 'outbox relay could not mark its last batch sent; its rows move again when the lease ends', error: error.message }));
  }

  /**
   * Ends at `ms`, at shutdown, and (`wakeable`) at a NOTIFY; a NOTIFY during an unwakeable wait stays noted in `woken`.
   * A wakeable sleep that starts with `woken` set ends at once: that NOTIFY came while no sleep could hear it (during
   * the mark before the sleep, or a batch that failed), and its row would otherwise wait a whole poll interval.
   */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (ms <= 0 || !this.running) return Promise.resolve();
    if (wakeable && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.stopWaiting = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopWaiting = done;
      if (wakeable) {
        this.wake = () => {
          this.woken = false;
          done();
        };
      }
    });
  }
}

/**
 * The rows' ids and claim counts: an update matching both touches only rows whose lease is still this
 * relay's. `claims` rather than `leased_until`, because a JS Date drops the microseconds Postgres keeps.
 */
function leaseTokens(rows: ClaimedRow[]): [string[], number[]] {
  return [rows.map((r) => r.id), rows.map((r) => r.claims)];
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
