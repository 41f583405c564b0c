import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BenchContext, BenchScenario } from '../harness/bench-context';
import { OutcomesWorld, seedOutcomesWorld } from './cohort-outcomes-seed';

const TRAINEES = Number(process.env.BENCH_OUTCOMES_TRAINEES ?? 10_000);
const SUBMISSIONS = Number(process.env.BENCH_OUTCOMES_SUBMISSIONS ?? 500_000);
const CONNECTIONS = Number(process.env.BENCH_OUTCOMES_CONNECTIONS ?? 10);
/** Sequential requests (and direct-SQL runs) whose latencies give the p95s. */
const SAMPLES = Number(process.env.BENCH_OUTCOMES_SAMPLES ?? 200);
const BASELINE_RUNS = Number(process.env.BENCH_OUTCOMES_BASELINE_RUNS ?? 20);
const TARGET_P95_MS = 300;

interface State extends OutcomesWorld {
  reviewerToken: string;
  refreshMs: number;
}

/**
 * The same headline figures as the report (applicants, enrolled, completed, certified, pass rate
 * per assessment, mean course score: weighted best score over the version's assessments, ungraded
 * counting 0), computed by one SQL query over the base tables.
 */
const DIRECT_SQL = `
  WITH e AS (SELECT id, status FROM enrollment WHERE cohort_id = $1),
       a AS (SELECT id, weight, max_score, pass_mark FROM assessment WHERE id = ANY($2::uuid[])),
       best AS (SELECT s.enrollment_id, s.assessment_id, max(s.score) FILTER (WHERE s.status = 'graded') AS best
                  FROM submission s JOIN e ON e.id = s.enrollment_id GROUP BY 1, 2),
       per_assessment AS (SELECT a.id, count(b.best)::int AS attempted, count(*) FILTER (WHERE b.best >= a.pass_mark)::int AS passed
                            FROM a LEFT JOIN best b ON b.assessment_id = a.id GROUP BY a.id),
       scores AS (SELECT e.id, round(sum(a.weight * coalesce(b.best, 0) / a.max_score) / nullif(sum(a.weight), 0) * 100, 2) AS score
                    FROM e CROSS JOIN a LEFT JOIN best b ON b.enrollment_id = e.id AND b.assessment_id = a.id GROUP BY e.id)
  SELECT (SELECT count(DISTINCT trainee_id) FROM application WHERE cohort_id = $1)::int AS applicants,
         (SELECT count(*) FROM e)::int AS enrolled,
         (SELECT count(*) FROM e WHERE status = 'completed')::int AS completed,
         (SELECT count(*) FROM certificate c JOIN e ON e.id = c.enrollment_id WHERE c.revoked_at IS NULL)::int AS certified,
         (SELECT json_object_agg(id, json_build_object('attempted', attempted, 'passed', passed,
                 'passRate', CASE WHEN attempted > 0 THEN round(passed::numeric / attempted, 4) END)) FROM per_assessment) AS assessments,
         (SELECT round(avg(score), 2) FROM scores)::float AS "meanScore"`;

async function get(ctx: BenchContext, token: string, path: string): Promise<any> {
  const response = await fetch(ctx.api.url + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`cohort-outcomes: GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function reviewer(ctx: BenchContext): Promise<string> {
  const email = `bench-reviewer-${randomUUID().slice(0, 8)}@bench.test`;
  const password = `bench-${randomUUID()}`;
  const response = await fetch(`${ctx.api.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await ctx.admin.token()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, displayName: 'Bench reviewer', roles: ['reviewer'], password }),
  });
  if (response.status >= 300) throw new Error(`cohort-outcomes: creating the reviewer answered ${response.status}: ${await response.text()}`);
  return (await ctx.signIn([email], password))[0];
}

/** Asks the worker for a refresh and waits until the report's asOf is newer than the request: one live recomputation. */
async function refresh(ctx: BenchContext, cohortId: string): Promise<number> {
  const admin = await ctx.admin.token();
  const requestedAt = Date.now();
  const started = performance.now();
  const response = await fetch(`${ctx.api.url}/api/v1/reports/cohorts/${cohortId}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
  if (response.status !== 202) throw new Error(`cohort-outcomes: refresh answered ${response.status}: ${await response.text()}`);
  const deadline = Date.now() + 600_000;
  for (;;) {
    const report = await get(ctx, admin, `/api/v1/reports/cohorts/${cohortId}/outcomes`);
    if (Date.parse(report.asOf) >= requestedAt) return performance.now() - started;
    if (Date.now() > deadline) throw new Error('cohort-outcomes: the refresh did not finish within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function timings(count: number, once: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await once();
    ms.push(performance.now() - started);
  }
  return ms;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

/** Logs the report's headline figures beside the direct query's, and throws when they disagree. */
function compareFigures(ctx: BenchContext, report: any, direct: any): void {
  const ours = {
    applicants: report.applicants, enrolled: report.overall.enrolled, completed: report.overall.completed, certified: report.overall.certified,
    meanScore: report.overall.meanCourseScore,
    passRates: Object.fromEntries(report.overall.assessments.map((a: any) => [a.assessmentId, [a.attempted, a.passed]]).sort()),
  };
  const theirs = {
    applicants: direct.applicants, enrolled: direct.enrolled, completed: direct.completed, certified: direct.certified, meanScore: direct.meanScore,
    passRates: Object.fromEntries(Object.entries(direct.assessments as Record<string, any>).map(([id, a]) => [id, [a.attempted, a.passed]]).sort()),
  };
  ctx.log(`  report:     ${JSON.stringify(ours)}`);
  ctx.log(`  direct SQL: ${JSON.stringify(theirs)}`);
  const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 0.01);
  const { meanScore: m1, ...counts1 } = ours;
  const { meanScore: m2, ...counts2 } = theirs;
  if (JSON.stringify(counts1) !== JSON.stringify(counts2) || !same(m1, m2)) throw new Error('cohort-outcomes: the report and the direct query disagree');
}

/**
 * Scenario `cohort-outcomes` (issue 8.7): GET /api/v1/reports/cohorts/:id/outcomes of a cohort of
 * 10,000 trainees with 500,000 graded submissions (seeded by SQL into the real tables), read from
 * the snapshot the worker keeps current, against one direct SQL query computing the same headline
 * figures over the base tables. Ratio = direct query p95 / our p95.
 */
export const cohortOutcomesScenario: BenchScenario<State> = {
  description: `GET /api/v1/reports/cohorts/:id/outcomes (as a reviewer) of a running cohort of ${TRAINEES} trainees with ${SUBMISSIONS} graded submissions, seeded by SQL into the real tables; p95 of ${SAMPLES} sequential requests (target ≤ ${TARGET_P95_MS} ms), and req/s with ${CONNECTIONS} connections; against one direct SQL query of the same headline figures (p95 of ${BASELINE_RUNS} runs) and one live recomputation (refresh through the worker)`,
  async setup(ctx) {
    const world = await seedOutcomesWorld(ctx, TRAINEES, SUBMISSIONS);
    ctx.log('  refreshing the report snapshot through the worker ...');
    const refreshMs = await refresh(ctx, world.cohortId);
    ctx.log(`  refreshed in ${Math.round(refreshMs)} ms`);
    return { ...world, reviewerToken: await reviewer(ctx), refreshMs };
  },
  async run(ctx, state) {
    const path = `/api/v1/reports/cohorts/${state.cohortId}/outcomes`;
    const direct = (await ctx.db.query(DIRECT_SQL, [state.cohortId, state.assessmentIds]))[0];
    compareFigures(ctx, await get(ctx, state.reviewerToken, path), direct);
    const throughput = await ctx.measure({ url: ctx.api.url + path, tokens: [state.reviewerToken], connections: CONNECTIONS });
    if (throughput.non2xx || throughput.errors) throw new Error(`cohort-outcomes: ${throughput.non2xx} non-2xx and ${throughput.errors} errors`);
    ctx.log(`  ${SAMPLES} sequential GETs ...`);
    const ours = await timings(SAMPLES, () => get(ctx, state.reviewerToken, path));
    ctx.log(`  ${BASELINE_RUNS} runs of the direct query ...`);
    const baseline = await timings(BASELINE_RUNS, () => ctx.db.query(DIRECT_SQL, [state.cohortId, state.assessmentIds]));
    ctx.log('  one live computation over HTTP (k = 6 is never snapshotted) and one more refresh ...');
    const live = (await timings(1, () => get(ctx, state.reviewerToken, `${path}?k=6`)))[0];
    const refreshMs = await refresh(ctx, state.cohortId);
    const oursP95 = percentile(ours, 95);
    const baselineP95 = percentile(baseline, 95);
    const r = (n: number) => Math.round(n * 100) / 100;
    const scenario = 'cohort-outcomes';
    return [
      { scenario, metric: `p95 (${state.trainees} trainees, ${state.submissions} submissions)`, ours: oursP95, baseline: baselineP95, ratio: r(baselineP95 / oursP95), unit: 'ms' },
      { scenario, metric: `p95 within ${TARGET_P95_MS} ms (ratio = ${TARGET_P95_MS} / p95)`, ours: oursP95, baseline: null, ratio: r(TARGET_P95_MS / oursP95), target: 1, unit: 'ms' },
      { scenario, metric: 'p50', ours: percentile(ours, 50), baseline: percentile(baseline, 50), ratio: r(percentile(baseline, 50) / percentile(ours, 50)), unit: 'ms' },
      { scenario, metric: `req/s (${CONNECTIONS} connections)`, ours: throughput.requestsPerSecond, baseline: null, ratio: null, unit: 'req/s' },
      { scenario, metric: `p99 (${CONNECTIONS} connections)`, ours: throughput.p99Ms, baseline: null, ratio: null, unit: 'ms' },
      { scenario, metric: 'live computation (GET at k = 6)', ours: Math.round(live), baseline: baselineP95, ratio: r(baselineP95 / live), unit: 'ms' },
      { scenario, metric: 'refresh through the worker (POST → fresh asOf)', ours: Math.round(refreshMs), baseline: null, ratio: null, unit: 'ms' },
      { scenario, metric: 'first refresh, right after seeding', ours: Math.round(state.refreshMs), baseline: null, ratio: null, unit: 'ms' },
    ];
  },
};
