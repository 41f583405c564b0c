import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin } from './support/people';
import { quizGradingRatio, runBareQuizBaseline, runQuizGrading, setupQuizGrading } from '../bench/scenarios/quiz-grading';

// Keeps the bench scenario working (small N); `npm run bench` runs it at 1,000 submissions. No timing asserted.
describe('bench scenario quiz-grading (smoke)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(process.env.BENCH_POOL_SIZE ? { env: { DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE } } : {});
  });
  afterAll(() => t.close());

  it('grades every submission through the app and through the bare BullMQ + pg baseline', async () => {
    const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 40);
    const trainees = Number(process.env.BENCH_TRAINEES ?? 4);
    const admin = await loginAdmin(t.api);
    const scenario = await setupQuizGrading(t.url, { admin: admin.token }, { trainees, submissions });
    const app = await runQuizGrading(scenario, { submissions, timeoutMs: 120_000 });
    const baseline = await runBareQuizBaseline({ databaseUrl: t.database.url, redisUrl: t.config.REDIS_URL, count: submissions, workerConcurrency: t.config.WORKER_CONCURRENCY, poolSize: t.config.DATABASE_POOL_SIZE, timeoutMs: 60_000 });
    const result = quizGradingRatio(app, baseline);
    if (process.env.BENCH_SUBMISSIONS) console.log(JSON.stringify(result));
    expect(result).toMatchObject({ scenario: 'quiz-grading', submissions, target: 0.5 });
    expect(app.ms).toBeGreaterThan(0);
    expect(baseline.ms).toBeGreaterThan(0);
    const rows = await t.dataSource.query(`SELECT status, score::float AS score, count(*)::int AS n FROM submission WHERE assessment_id = $1 GROUP BY 1, 2`, [scenario.assessmentId]);
    expect(rows).toEqual([{ status: 'graded', score: 100, n: submissions }]);
    const leftovers = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'bench_quiz_%'`);
    expect(leftovers[0].n).toBe(0);
  });
});
