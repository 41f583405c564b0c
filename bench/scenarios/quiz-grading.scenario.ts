import { BenchScenario } from '../harness/bench-context';
import { QUIZ_BENCH, QuizGradingScenario, quizGradingRatio, runBareQuizBaseline, runQuizGrading, setupQuizGrading } from './quiz-grading';

const SUBMISSIONS = Number(process.env.BENCH_QUIZ_SUBMISSIONS ?? QUIZ_BENCH.submissions);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Scenario `quiz-grading` (issue 5.12): quiz submissions end to end (POST → 202 → outbox → relay →
 * grading worker → graded, polled over the API) per second, against a bare BullMQ + pg producer and
 * worker storing the same rows with the same QuizGrader, in the same run.
 */
export const quizGradingScenario: BenchScenario<QuizGradingScenario> = {
  description: `${SUBMISSIONS} quiz submissions by ${QUIZ_BENCH.trainees} trainees, ${QUIZ_BENCH.concurrency} in flight, POST until graded (api and worker as separate processes); against a bare BullMQ + pg producer and worker doing the same inserts and grading`,
  async setup(ctx) {
    ctx.log(`  building a course with a quiz, a running cohort and ${QUIZ_BENCH.trainees} enrolled trainees over the API`);
    return setupQuizGrading(ctx.api.url, { admin: await ctx.admin.token() }, { trainees: QUIZ_BENCH.trainees, submissions: SUBMISSIONS });
  },
  async run(ctx, scenario) {
    ctx.log(`  submitting ${SUBMISSIONS} answers through the app ...`);
    const app = await runQuizGrading(scenario, { submissions: SUBMISSIONS, concurrency: QUIZ_BENCH.concurrency, timeoutMs: 600_000 });
    ctx.log(`  the same through the bare baseline ...`);
    const baseline = await runBareQuizBaseline({ databaseUrl: ctx.db.url, redisUrl: REDIS_URL, count: SUBMISSIONS, concurrency: QUIZ_BENCH.concurrency });
    const result = quizGradingRatio(app, baseline);
    return [
      { scenario: 'quiz-grading', metric: 'graded submissions/s', ours: Math.round(app.perSecond), baseline: Math.round(baseline.perSecond), ratio: Math.round(result.ratio * 100) / 100, target: 0.5, unit: '/s' },
      { scenario: 'quiz-grading', metric: `time to accept ${SUBMISSIONS}`, ours: Math.round(app.acceptedMs), baseline: Math.round(baseline.acceptedMs), ratio: Math.round((baseline.acceptedMs / app.acceptedMs) * 100) / 100, unit: 'ms' },
    ];
  },
};
