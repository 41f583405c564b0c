import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { jobIdFor, JobPayloads, OUTBOX_CHANNEL, redisOptionsFromUrl } from '@gds/queue';

/**
 * Scenario `notification-fanout` (issue 7): one cohort-wide event (`module-unlocked`, in-app only
 * by default) fanned out to N recipients through the real pipeline — outbox row, relay, BullMQ,
 * the `notify` handler — timed until every inbox row exists; against a bare baseline that carries
 * one BullMQ job to a worker inserting the same rows with one pg statement. Ratio = app throughput
 * / baseline throughput; the target is >= 0.5.
 */
export interface NotificationFanoutOptions {
  /** The running app's database (the app's workers must be running against it). */
  databaseUrl: string;
  redisUrl: string;
  recipients?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** Rounds of each (alternating app and baseline); medians are reported. */
  rounds?: number;
}

export interface NotificationFanoutResult {
  scenario: 'notification-fanout';
  recipients: number;
  appMs: number;
  appPerSecond: number;
  baselineMs: number;
  baselinePerSecond: number;
  ratio: number;
  /** Every round's time of each side (alternated: app, baseline, app ...). */
  appRuns: number[];
  baselineRuns: number[];
  target: 0.5;
  pass: boolean;
}

export async function runNotificationFanout(options: NotificationFanoutOptions): Promise<NotificationFanoutResult> {
  const recipients = options.recipients ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pool = new Pool({ connectionString: options.databaseUrl, max: 4 });
  try {
    const ids = await createRecipients(pool, recipients);
    const appRuns: number[] = [];
    const baselineRuns: number[] = [];
    for (let round = 0; round < (options.rounds ?? 3); round++) {
      appRuns.push(await timeApp(pool, ids, timeoutMs));
      baselineRuns.push(await timeBaseline(pool, options.redisUrl, ids, timeoutMs));
    }
    const appMs = median(appRuns);
    const baselineMs = median(baselineRuns);
    const appPerSecond = (recipients * 1000) / appMs;
    const baselinePerSecond = (recipients * 1000) / baselineMs;
    const ratio = appPerSecond / baselinePerSecond;
    return { scenario: 'notification-fanout', recipients, appMs, appPerSecond, baselineMs, baselinePerSecond, ratio, appRuns, baselineRuns, target: 0.5, pass: ratio >= 0.5 };
  } finally {
    await pool.end();
  }
}

/** Bench setup writes people straight into the identity table: creating 5,000 over HTTP would time argon2, not notifications. */
async function createRecipients(pool: Pool, count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const rows = await pool.query(
    `INSERT INTO app_user (email, display_name, roles)
     SELECT 'bench-' || $1 || '-' || g || '@bench.test', 'Bench trainee ' || g, ARRAY['trainee'] FROM generate_series(1, $2) g
     RETURNING id`,
    [tag, count],
  );
  return rows.rows.map((r: { id: string }) => r.id);
}

async function timeApp(pool: Pool, ids: string[], timeoutMs: number): Promise<number> {
  const eventKey = `bench:module-unlocked:${randomUUID()}`;
  const payload: JobPayloads['notify'] = { type: 'module-unlocked', eventKey, recipientIds: ids, data: { moduleTitle: 'Bench module' } };
  const started = performance.now();
  await pool.query(`INSERT INTO outbox_message (job_name, queue, payload, job_id) VALUES ('notify', 'notifications', $1, $2)`, [
    JSON.stringify(payload),
    jobIdFor('notify', payload),
  ]);
  // What Outbox.publish does at commit: wake the relays (LISTEN/NOTIFY) instead of waiting for a poll.
  await pool.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  await until(timeoutMs, async () => {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE event_key = $1 AND channel = 'in_app'`, [eventKey]);
    return rows[0].n === ids.length;
  });
  return performance.now() - started;
}

async function timeBaseline(pool: Pool, redisUrl: string, ids: string[], timeoutMs: number): Promise<number> {
  const prefix = `{bench${randomUUID().slice(0, 8)}}`;
  const connection = { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: null };
  const queue = new Queue('baseline', { connection, prefix });
  const eventKey = `bench:baseline:${randomUUID()}`;
  const worker = new Worker(
    'baseline',
    async (job) => {
      await pool.query(`INSERT INTO notification_event (event_key, type, data) VALUES ($1, 'module-unlocked', '{}') ON CONFLICT DO NOTHING`, [job.data.eventKey]);
      await pool.query(
        `INSERT INTO notification_delivery (event_key, recipient_id, channel, status)
         SELECT $1, r, 'in_app', 'delivered' FROM unnest($2::uuid[]) r ON CONFLICT DO NOTHING`,
        [job.data.eventKey, job.data.recipientIds],
      );
    },
    { connection, prefix },
  );
  try {
    await worker.waitUntilReady();
    const started = performance.now();
    await queue.add('notify', { eventKey, recipientIds: ids });
    await until(timeoutMs, async () => {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE event_key = $1`, [eventKey]);
      return rows[0].n === ids.length;
    });
    return performance.now() - started;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function until(timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('notification-fanout: timed out waiting for the rows');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
