import Redis from 'ioredis';
import type { BenchDatabase } from '../harness/bench-database';
import { markdownTable } from '../harness/results-file';
import type { GradingTrace } from './actions/learning.actions';

/**
 * Splits the load run's grading lag (POST submission → a GET shows it graded) into its stages, per
 * submission, on one clock (every process runs on this machine):
 *
 *   sent        the generator sends the POST                              (generator, Date.now)
 *   written     the api's transaction that writes submission + outbox row begins (outbox_message.created_at: now())
 *   enqueued    the relay adds the BullMQ job (after commit, wake, claim) (job.timestamp, the relay's Date.now)
 *   picked up   a grading worker slot takes the job                       (job.processedOn)
 *   graded      the handler has committed the grade                       (job.finishedOn)
 *   seen        the first GET that shows it graded answers                (generator, Date.now)
 *
 * "seen − graded" is the client's share: the 100 ms poll interval and a GET's own latency under load.
 * Stages sum to the lag the report already gives. The slowest 1 % are broken down apart: they are
 * what the p99 is made of.
 */
const STAGES = [
  ['api: POST sent → its transaction begins', 'sent', 'written'],
  // Starts at the api's BEGIN (created_at is now()): holds the api's lock, insert and COMMIT too, and only then the relay's wake and claim.
  ['api commit + relay: row → job added', 'written', 'enqueued'],
  ['queue wait: added → picked up', 'enqueued', 'pickedUp'],
  ['handler: picked up → graded', 'pickedUp', 'graded'],
  ['client: graded → GET shows it', 'graded', 'seen'],
] as const;

type Point = 'sent' | 'written' | 'enqueued' | 'pickedUp' | 'graded' | 'seen';
export type Timeline = Record<Point, number> & { acceptedAt: number; sentAt: number; attemptsMade: number };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export async function gradingLagTimelines(db: Pick<BenchDatabase, 'query'>, redisUrl: string, queuePrefix: string, traces: GradingTrace[]): Promise<Timeline[]> {
  if (traces.length === 0) return [];
  const rows = await db.query<{ submissionId: string; jobId: string; queue: string; createdAt: Date; sentAt: Date | null }>(
    `SELECT (payload->>'submissionId') AS "submissionId", job_id AS "jobId", queue, created_at AS "createdAt", sent_at AS "sentAt"
       FROM outbox_message WHERE job_name IN ('grade-submission', 'grade-slow-submission') AND payload->>'submissionId' = ANY($1::text[])`,
    [traces.map((t) => t.submissionId)],
  );
  const bySubmission = new Map(rows.map((r) => [r.submissionId, r]));
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const pipeline = redis.pipeline();
    const known = traces.filter((t) => bySubmission.has(t.submissionId));
    for (const t of known) {
      const row = bySubmission.get(t.submissionId)!;
      pipeline.hmget(`${queuePrefix}:${row.queue}:${row.jobId}`, 'timestamp', 'processedOn', 'finishedOn', 'attemptsMade');
    }
    const answers = (await pipeline.exec()) ?? [];
    return known.flatMap((t, i) => {
      const [timestamp, processedOn, finishedOn, attemptsMade] = (answers[i]?.[1] as Array<string | null>) ?? [];
      if (!timestamp || !processedOn || !finishedOn) return [];
      const row = bySubmission.get(t.submissionId)!;
      return [{
        sent: t.sentAt,
        written: row.createdAt.getTime(),
        enqueued: Number(timestamp),
        pickedUp: Number(processedOn),
        graded: Number(finishedOn),
        seen: t.seenGradedAt,
        acceptedAt: t.acceptedAt,
        sentAt: row.sentAt?.getTime() ?? NaN,
        attemptsMade: Number(attemptsMade ?? 0),
      }];
    });
  } finally {
    redis.disconnect();
  }
}

/**
 * Per submission, the outbox row written (the api's transaction begins: the submission is accepted
 * there, before its commit and the 202) → the grading job finished, sorted: the target's "accepted →
 * graded" without the POST's and the polling GET's HTTP latency, and never negative.
 */
export function writtenToGradedMs(timelines: Timeline[]): number[] {
  return timelines.map((t) => t.graded - t.written).sort((a, b) => a - b);
}

/** Per submission, the 202's arrival at the generator → the grading job finished, sorted (negative when the job finished first). */
export function acceptedToGradedMs(timelines: Timeline[]): number[] {
  return timelines.map((t) => t.graded - t.acceptedAt).sort((a, b) => a - b);
}

/** The report's lines: a table of stages (p50, p99, mean, share of the mean; and the slowest 1 %'s mean). */
export function gradingLagStagesReport(timelines: Timeline[]): string {
  if (timelines.length === 0) return '- Grading lag by stage: no submission could be traced.';
  const total = (t: Timeline) => t.seen - t.sent;
  const slowest = [...timelines].sort((a, b) => total(b) - total(a)).slice(0, Math.max(1, Math.ceil(timelines.length / 100)));
  const meanTotal = mean(timelines.map(total));
  const slowTotal = mean(slowest.map(total));
  const rows = STAGES.map(([label, from, to]) => {
    const ms = timelines.map((t) => t[to] - t[from]).sort((a, b) => a - b);
    const slow = mean(slowest.map((t) => t[to] - t[from]));
    return [label, percentile(ms, 50).toFixed(0), percentile(ms, 99).toFixed(0), mean(ms).toFixed(0), `${((100 * mean(ms)) / meanTotal).toFixed(0)} %`, slow.toFixed(0), `${((100 * slow) / slowTotal).toFixed(0)} %`];
  });
  const totals = timelines.map(total).sort((a, b) => a - b);
  rows.push(['total (sent → seen)', percentile(totals, 50).toFixed(0), percentile(totals, 99).toFixed(0), meanTotal.toFixed(0), '100 %', slowTotal.toFixed(0), '100 %']);
  const acceptAfterWrite = timelines.map((t) => t.acceptedAt - t.written).sort((a, b) => a - b);
  const markAfterAdd = timelines.filter((t) => !Number.isNaN(t.sentAt)).map((t) => t.sentAt - t.enqueued).sort((a, b) => a - b);
  const retried = timelines.filter((t) => t.attemptsMade > 0).length;
  // The issue's own words for the lag are "accepted → graded": without the POST's and the polling GET's HTTP latency.
  const pipeline = writtenToGradedMs(timelines);
  const acceptedToGraded = acceptedToGradedMs(timelines);
  const table = markdownTable(['grading lag stage (ms)', 'p50', 'p99', 'mean', 'share', `slowest 1 % (${slowest.length}) mean`, 'share'], rows);
  return [
    `Grading lag by stage over ${timelines.length} submissions (bench/load/grading-lag-stages.ts; the stages' p99s do not add up to the total's, their means do):`,
    '',
    table,
    '',
    `Row written → graded (the pipeline alone): p50 ${percentile(pipeline, 50).toFixed(0)} ms, p99 ${percentile(pipeline, 99).toFixed(0)} ms. 202 received → graded (a job may finish before the 202 arrives): p50 ${percentile(acceptedToGraded, 50).toFixed(0)} ms, p99 ${percentile(acceptedToGraded, 99).toFixed(0)} ms.`,
    `The 202 reached the generator ${percentile(acceptAfterWrite, 50).toFixed(0)} ms (p50) / ${percentile(acceptAfterWrite, 99).toFixed(0)} ms (p99) after the row was written; the relay marked rows sent ${percentile(markAfterAdd, 50).toFixed(0)} / ${percentile(markAfterAdd, 99).toFixed(0)} ms after adding their jobs; ${retried} grading job(s) needed a retry.`,
  ].join('\n');
}
