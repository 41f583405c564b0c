import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BenchContext, BenchScenario } from '../harness/bench-context';
import { median, roundRatios } from '../harness/rounds';
import { OutcomesWorld, seedOutcomesWorld } from './cohort-outcomes-seed';

const TRAINEES = Number(process.env.BENCH_OUTCOMES_TRAINEES ?? 10_000);
const SUBMISSIONS = Number(process.env.BENCH_OUTCOMES_SUBMISSIONS ?? 500_000);
const CONNECTIONS = Number(process.env.BENCH_OUTCOMES_CONNECTIONS ?? 10);
/** Sequential reads of the snapshot whose latencies give its p50 and p95. */
const SAMPLES = Number(process.env.BENCH_OUTCOMES_SAMPLES ?? 200);
/** Alternated pairs (live report, direct query), both over HTTP: at least 20, so the median and spread mean something. */
const LIVE_PAIRS = Math.max(20, Number(process.env.BENCH_OUTCOMES_LIVE_PAIRS ?? 20));
const TARGET_P95_MS = 300;

interface State extends OutcomesWorld {
  reviewerToken: string;
  refreshMs: number;
}

async function get(ctx: BenchContext, token: string, path: string, base = ctx.api.url): Promise<any> {
  const response = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
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
 * Scenario `cohort-outcomes` (issue 8.7, issue 21.9): the outcome report of a cohort of 10,000
 * trainees with 500,000 graded submissions (seeded by SQL into the real tables).
 * - Like with like: the report computed live (`?k=6`, a k no snapshot is kept for) against the bare
 *   server's one direct SQL query of the same headline figures, both over HTTP with the same token
 *   check, in LIVE_PAIRS alternated pairs. Ratio = direct / live per pair, median and spread.
 * - The snapshot read (what reviewers normally get; the worker keeps it current) is a cache: its
 *   figures stand alone, with the 300 ms p95 target, and no ratio against a computation.
 */
export const cohortOutcomesScenario: BenchScenario<State> = {
  description: `GET /api/v1/reports/cohorts/:id/outcomes (as a reviewer) of a running cohort of ${TRAINEES} trainees with ${SUBMISSIONS} graded submissions, seeded by SQL into the real tables: the report computed live against one direct SQL query of the same headline figures served by the bare Fastify + pg server; then the snapshot read (a cache) and the worker's refresh`,
  method: `live vs direct: ${LIVE_PAIRS} pairs alternating GET ?k=6 (computed live: no snapshot is kept for k = 6) and the bare server's GET running the direct query, both over HTTP with the same token check, one request at a time; ours and baseline are medians (p95 separately), the ratio is the median of the per-pair ratios direct/live with their min–max in brackets. Snapshot (cache): ${SAMPLES} sequential GETs for p50/p95 (target p95 ≤ ${TARGET_P95_MS} ms) and autocannon with ${CONNECTIONS} connections for req/s and p99; no ratio, since a cache read is not comparable with a computation. Refresh: POST refresh, then the report polled every 250 ms until its asOf is newer`,
  async setup(ctx) {
    const world = await seedOutcomesWorld(ctx, TRAINEES, SUBMISSIONS);
    ctx.log('  refreshing the report snapshot through the worker ...');
    const refreshMs = await refresh(ctx, world.cohortId);
    ctx.log(`  refreshed in ${Math.round(refreshMs)} ms`);
    return { ...world, reviewerToken: await reviewer(ctx), refreshMs };
  },
  async run(ctx, state) {
    const path = `/api/v1/reports/cohorts/${state.cohortId}/outcomes`;
    const directPath = `${path}?assessments=${state.assessmentIds.join(',')}`;
    const token = state.reviewerToken;
    compareFigures(ctx, await get(ctx, token, `${path}?k=6`), await get(ctx, token, directPath, ctx.baseline.url));

    ctx.log(`  ${LIVE_PAIRS} pairs: the live report, then the direct query, over HTTP ...`);
    const live: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < LIVE_PAIRS; i++) {
      live.push((await timings(1, () => get(ctx, token, `${path}?k=6`)))[0]);
      direct.push((await timings(1, () => get(ctx, token, directPath, ctx.baseline.url)))[0]);
    }
    ctx.log(`  snapshot (cache): ${SAMPLES} sequential GETs, then ${CONNECTIONS} connections ...`);
    const snapshot = await timings(SAMPLES, () => get(ctx, token, path));
    const throughput = await ctx.measure({ url: ctx.api.url + path, tokens: [token], connections: CONNECTIONS });
    if (throughput.non2xx || throughput.errors) throw new Error(`cohort-outcomes: ${throughput.non2xx} non-2xx and ${throughput.errors} errors`);
    const refreshMs = await refresh(ctx, state.cohortId);

    const scenario = 'cohort-outcomes';
    const size = `${state.trainees} trainees, ${state.submissions} submissions`;
    const perPair = roundRatios(live, direct, false);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    const p95Live = percentile(live, 95);
    const p95Direct = percentile(direct, 95);
    const snapshotP95 = percentile(snapshot, 95);
    return [
      { scenario, metric: `live report vs direct SQL, median (${size})`, ours: r1(median(live)), baseline: r1(median(direct)), ratio: perPair.ratio, ratioSpread: perPair.spread, rounds: LIVE_PAIRS, unit: 'ms' },
      { scenario, metric: 'live report vs direct SQL, p95', ours: p95Live, baseline: p95Direct, ratio: Math.round((p95Direct / p95Live) * 100) / 100, rounds: LIVE_PAIRS, unit: 'ms' },
      { scenario, metric: 'snapshot read (cache), p50', ours: percentile(snapshot, 50), baseline: null, ratio: null, unit: 'ms' },
      { scenario, metric: `snapshot read (cache), p95 within ${TARGET_P95_MS} ms (ratio = ${TARGET_P95_MS} / p95)`, ours: snapshotP95, baseline: null, ratio: Math.round((TARGET_P95_MS / snapshotP95) * 100) / 100, target: 1, unit: 'ms' },
      { scenario, metric: `snapshot read (cache), req/s (${CONNECTIONS} connections)`, ours: throughput.requestsPerSecond, baseline: null, ratio: null, unit: 'req/s' },
      { scenario, metric: `snapshot read (cache), p99 (${CONNECTIONS} connections)`, ours: throughput.p99Ms, baseline: null, ratio: null, unit: 'ms' },
      { scenario, metric: 'refresh through the worker (POST → fresh asOf)', ours: Math.round(refreshMs), baseline: null, ratio: null, unit: 'ms' },
      { scenario, metric: 'first refresh, right after seeding', ours: Math.round(state.refreshMs), baseline: null, ratio: null, unit: 'ms' },
    ];
  },
};
