import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin } from './support/people';
import type { BaselineServer } from '../bench/baseline/baseline-server';
import { startTestBaseline } from './support/test-baseline';
import { quizGradingRatio, runBareQuizBaseline, runQuizGrading, setupQuizGrading } from '../bench/scenarios/quiz-grading';

// Keeps the bench scenario working (small N); `npm run bench` runs it at 1,000 submissions. No timing asserted.
describe('bench scenario quiz-grading (smoke)', () => {
  let t: TestApp;
  let baseline: BaselineServer;
  const queuePrefix = `{tb${randomBytes(5).toString('hex')}}`;
  beforeAll(async () => {
    t = await startTestApp(process.env.BENCH_POOL_SIZE ? { env: { DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE } } : {});
    baseline = await startTestBaseline(t, { DATABASE_POOL_SIZE: String(t.config.DATABASE_POOL_SIZE), BASELINE_QUEUE_PREFIX: queuePrefix });
  });
  afterAll(async () => {
    await baseline?.close();
    await t.close();
  });

  it('grades every submission through the app and through the bare BullMQ + pg baseline', async () => {
    const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 40);
    const trainees = Number(process.env.BENCH_TRAINEES ?? 4);
    const admin = await loginAdmin(t.api);
    const scenario = await setupQuizGrading(t.url, { admin: admin.token }, { trainees, submissions });
    const app = await runQuizGrading(scenario, { databaseUrl: t.database.url, submissions, timeoutMs: 120_000 });
    const bare = await runBareQuizBaseline(scenario, {
      baselineUrl: baseline.url, queuePrefix, databaseUrl: t.database.url, redisUrl: t.config.REDIS_URL, submissions,
      workerConcurrency: t.config.WORKER_CONCURRENCY, poolSize: t.config.DATABASE_POOL_SIZE, timeoutMs: 60_000,
    });
    const result = quizGradingRatio(app, bare);
    if (process.env.BENCH_SUBMISSIONS) console.log(JSON.stringify(result));
    expect(result).toMatchObject({ scenario: 'quiz-grading', submissions, target: 0.8 });
    expect(app.ms).toBeGreaterThan(0);
    expect(bare.ms).toBeGreaterThan(0);
    for (const assessmentId of [scenario.assessmentId, scenario.baselineAssessmentId]) {
      const rows = await t.dataSource.query(`SELECT status, score::float AS score, count(*)::int AS n FROM submission WHERE assessment_id = $1 GROUP BY 1, 2`, [assessmentId]);
      expect(rows).toEqual([{ status: 'graded', score: 100, n: submissions }]);
    }
    // The baseline stores what the app stores for a grade: grade, progress record, in-app notification.
    const [stored] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM grade g JOIN submission s ON s.id = g.submission_id WHERE s.assessment_id = $1) AS grades,
              (SELECT count(*)::int FROM assessment_grade WHERE assessment_id = $1) AS progress,
              (SELECT count(*)::int FROM notification_delivery d JOIN submission s ON d.event_key = 'graded:' || s.id WHERE s.assessment_id = $1 AND d.channel = 'in_app') AS inbox`,
      [scenario.baselineAssessmentId],
    );
    expect(stored).toEqual({ grades: submissions, progress: submissions, inbox: submissions });
  });
});
