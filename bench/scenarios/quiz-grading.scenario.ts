import { BenchScenario } from '../harness/bench-context';
import { BENCH_ROUNDS } from '../harness/measure';
import { median, roundRatios } from '../harness/rounds';
import { QUIZ_BENCH, QUIZ_GRADING_TARGET, QuizGradingRun, QuizGradingScenario, runBareQuizBaseline, runQuizGrading, setupQuizGrading } from './quiz-grading';

const SUBMISSIONS = Number(process.env.BENCH_QUIZ_SUBMISSIONS ?? QUIZ_BENCH.submissions);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Enough trainees that no one runs out of attempts (at most 100 each) over every round. */
const TRAINEES = traineesForAttempts(SUBMISSIONS, BENCH_ROUNDS);

/**
 * Submissions go to trainees in turn, so in each round the first `submissions % trainees` trainees
 * submit once more than the others: what counts is the per-round share rounded up, times the rounds
 * (1000 × 3 over 30 trainees gave ten of them 102 attempts of 100).
 */
function traineesForAttempts(submissions: number, rounds: number): number {
  let trainees = QUIZ_BENCH.trainees;
  while (Math.ceil(submissions / trainees) * rounds > 100) trainees++;
  return trainees;
}

/**
 * Scenario `quiz-grading` (issue 5.12): quiz submissions end to end (POST → 202 → outbox → relay →
 * grading worker → graded, polled in the database as the baseline is) per second, against the same
 * feature done bare in the same run: POSTs to the baseline server (Fastify + pg: attempt and submission rows, a plain
 * BullMQ add) and a plain BullMQ Worker storing the same grade rows with the same QuizGrader.
 */
export const quizGradingScenario: BenchScenario<QuizGradingScenario> = {
  description: `${SUBMISSIONS} quiz submissions by ${TRAINEES} trainees, ${QUIZ_BENCH.concurrency} in flight, POST until graded (api and worker as separate processes); against the same POSTs to the bare Fastify + pg baseline (enrollment, frozen quiz and module unlock in one query, the module lock decided as the app does; attempt lock with the trainee's extra attempts, attempt + submission in one transaction; plain BullMQ add) and a plain BullMQ worker storing grade, progress record, activity and in-app notification in one transaction`,
  method: `${BENCH_ROUNDS} rounds alternating app and baseline, each round ${SUBMISSIONS} POSTs with ${QUIZ_BENCH.concurrency} in flight, timed from the first POST until the database counts all of them graded (polled every 100 ms on both sides); graded/s and time-to-accept are medians over rounds, each ratio the median of the per-round ratios with their min–max in brackets`,
  async setup(ctx) {
    ctx.log(`  building a course with two quizzes (the app's and the baseline's), a running cohort and ${TRAINEES} enrolled trainees over the API`);
    return setupQuizGrading(ctx.api.url, { admin: await ctx.admin.token() }, { trainees: TRAINEES, submissions: SUBMISSIONS, rounds: BENCH_ROUNDS });
  },
  async run(ctx, scenario) {
    const app: QuizGradingRun[] = [];
    const baseline: QuizGradingRun[] = [];
    for (let round = 1; round <= BENCH_ROUNDS; round++) {
      ctx.log(`  round ${round}/${BENCH_ROUNDS}: ${SUBMISSIONS} answers through the app ...`);
      app.push(await runQuizGrading(scenario, { databaseUrl: ctx.db.url, submissions: SUBMISSIONS, concurrency: QUIZ_BENCH.concurrency, timeoutMs: 600_000 }));
      ctx.log(`  round ${round}/${BENCH_ROUNDS}: the same through the bare baseline ...`);
      baseline.push(await runBareQuizBaseline(scenario, {
        baselineUrl: ctx.baseline.url, queuePrefix: ctx.baseline.queuePrefix, databaseUrl: ctx.db.url, redisUrl: REDIS_URL,
        submissions: SUBMISSIONS, concurrency: QUIZ_BENCH.concurrency, timeoutMs: 600_000,
      }));
      ctx.log(`    app ${Math.round(app[round - 1].perSecond)}/s, baseline ${Math.round(baseline[round - 1].perSecond)}/s`);
    }
    const perSecond = roundRatios(app.map((r) => r.perSecond), baseline.map((r) => r.perSecond), true);
    const accepted = roundRatios(app.map((r) => r.acceptedMs), baseline.map((r) => r.acceptedMs), false);
    const rounds = app.length;
    return [
      { scenario: 'quiz-grading', metric: 'graded submissions/s', ours: Math.round(median(app.map((r) => r.perSecond))), baseline: Math.round(median(baseline.map((r) => r.perSecond))), ratio: perSecond.ratio, ratioSpread: perSecond.spread, rounds, target: QUIZ_GRADING_TARGET, unit: '/s' },
      { scenario: 'quiz-grading', metric: `time to accept ${SUBMISSIONS}`, ours: Math.round(median(app.map((r) => r.acceptedMs))), baseline: Math.round(median(baseline.map((r) => r.acceptedMs))), ratio: accepted.ratio, ratioSpread: accepted.spread, rounds, unit: 'ms' },
    ];
  },
};
