import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { BenchScenario } from '../harness/bench-context';
import { newUser, ok } from './quiz-grading';
import { SQL_BENCH_KEY } from './sql-grading';

const RUNS = Number(process.env.BENCH_TRIAL_RUNS ?? 200);
/** Each trainee stays under the default TRIAL_RUN_RATE_LIMIT (10 per minute), as real trainees would. */
const TRAINEES = Math.ceil(RUNS / 8);
const DAY = 86_400_000;
const QUERY = 'SELECT region, sum(amount) FROM sales GROUP BY region ORDER BY region';

interface TrialRunWorld {
  assessmentId: string;
  tokens: string[];
}

/**
 * Scenario `trial-run` (issue 13.4): `POST /api/v1/assessments/:id/trial-runs` of an SQL exercise
 * (the sql-grading dataset, 500 rows, a GROUP BY) by enrolled trainees in turn, one request at a
 * time, over HTTP against the built api: access check, enrollment and attempts, the sandbox run on a
 * new reader connection, the rows back. No bare baseline: the latency is the figure.
 */
export const trialRunScenario: BenchScenario<TrialRunWorld> = {
  description: `Latency of one SQL trial run over HTTP (sandbox, 500-row dataset, GROUP BY), ${RUNS} sequential requests by ${TRAINEES} trainees in turn after one warm-up`,
  method: `from the bench process to the built api (its own process), ${RUNS} POSTs one after another (each timed alone with performance.now, request to parsed answer), trainees in turn so none passes the per-user rate limit; percentiles over them; no bare baseline, so no ratio`,
  async setup(ctx) {
    const admin = await ctx.admin.token();
    const base = ctx.api.url;
    ctx.log(`  building an SQL exercise, a running cohort and ${TRAINEES} enrolled trainees over the API`);
    const instructor = (await newUser(base, admin, 'instructor')).token;
    const code = `bench-trial-${randomUUID().slice(0, 8)}`;
    const course = await ok(base, instructor, 'POST', '/api/v1/courses', { code, title: 'Bench trial runs', summary: 'SQL trial runs.', trackCode: 'data-analysis', level: 'beginner', estimatedHours: 1 });
    const module = await ok(base, instructor, 'POST', `/api/v1/courses/${course.id}/modules`, { title: 'Queries' });
    const assessment = await ok(base, instructor, 'POST', `/api/v1/modules/${module.id}/assessments`, { kind: 'sql', title: 'Sales by region', maxScore: 10, passMark: 5, key: SQL_BENCH_KEY });
    const version = await ok(base, instructor, 'POST', `/api/v1/courses/${course.id}/publish`, {});
    const now = Date.now();
    const cohort = await ok(base, admin, 'POST', '/api/v1/cohorts', {
      name: `Bench trial cohort ${code}`, courseVersionIds: [version.versionId], capacity: TRAINEES,
      applicationsOpenAt: new Date(now - DAY).toISOString(), applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
      startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(), unlockMode: 'schedule',
    });
    await ok(base, admin, 'POST', `/api/v1/cohorts/${cohort.id}/status`, { status: 'running' });
    const tokens: string[] = [];
    for (let i = 0; i < TRAINEES; i++) {
      const trainee = await newUser(base, admin, 'trainee');
      await ok(base, admin, 'POST', `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id });
      tokens.push(trainee.token);
    }
    return { assessmentId: assessment.id, tokens };
  },
  async run(ctx, { assessmentId, tokens }) {
    const path = `/api/v1/assessments/${assessmentId}/trial-runs`;
    // The warm-up provisions the dataset (once per key) and opens the api's paths.
    await ok(ctx.api.url, tokens[0], 'POST', path, { answer: { query: QUERY } });
    ctx.log(`  ${RUNS} trial runs one after another`);
    const latencies: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const answer = await ok(ctx.api.url, tokens[(i + 1) % tokens.length], 'POST', path, { answer: { query: QUERY } });
      latencies.push(performance.now() - started);
      if (answer.status !== 'ok' || answer.result.rowCount !== 4) throw new Error(`trial-run: unexpected answer ${JSON.stringify(answer)}`);
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * q) - 1)] * 10) / 10;
    const row = (metric: string, ours: number) => ({ scenario: 'trial-run', metric, ours, baseline: null, ratio: null, unit: 'ms' });
    return [row('p50 per trial run', at(0.5)), row('p95 per trial run', at(0.95)), row('max', at(1))];
  },
};
