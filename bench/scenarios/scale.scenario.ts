import { performance } from 'node:perf_hooks';
import { BenchScenario } from '../harness/bench-context';
import { ok } from './quiz-grading';
import { seedScaleWorld, ScaleWorld } from './scale-seed';

const TRAINEES = Number(process.env.BENCH_SCALE_TRAINEES ?? 10_000);
const COURSES = Number(process.env.BENCH_SCALE_COURSES ?? 1_000);
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 200);

/**
 * The lists measured, each walked page by page from its first page (a cursor per page, as a screen
 * scrolls), starting over at the end: the sample is first and deep pages alike.
 */
function lists(world: ScaleWorld): Array<{ name: string; path: string }> {
  return [
    { name: 'roster, pages of 100', path: `/api/v1/cohorts/${world.cohortId}/roster?limit=100` },
    { name: 'roster, pages of 1,000 (the default)', path: `/api/v1/cohorts/${world.cohortId}/roster` },
    { name: 'gradebook, pages of 100', path: `/api/v1/cohorts/${world.cohortId}/gradebook?limit=100` },
    { name: 'catalogue, pages of 20 (the default)', path: '/api/v1/courses' },
    { name: 'catalogue, pages of 100', path: '/api/v1/courses?limit=100' },
  ];
}

const at = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] * 10) / 10;

/**
 * Scenario `scale` (issue 23.4): the roster and gradebook of a cohort of BENCH_SCALE_TRAINEES
 * (10,000) trainees and the catalogue of BENCH_SCALE_COURSES (1,000) courses, seeded by SQL
 * (`scale-seed.ts`, shared with test/query-plans.e2e-spec.ts), read as an admin: BENCH_SCALE_SAMPLES
 * (200) sequential GETs per list, each timed alone; p50, p95, max. Issue 23.4 asks p95 under 150 ms.
 */
export const scaleScenario: BenchScenario<{ token: string; world: ScaleWorld }> = {
  description: `Latency of the keyset-paged lists at scale: the roster and gradebook of a ${TRAINEES}-trainee cohort and the catalogue of ${COURSES} courses (issue 23.4: p95 under 150 ms)`,
  method: `from the bench process to the built api as an admin, ${SAMPLES} sequential GETs per list (each timed alone with performance.now, request to parsed answer), walking the pages by cursor and starting over at the last; percentiles over them; no bare baseline`,
  async setup(ctx) {
    const token = await ctx.admin.token();
    ctx.log(`  seeding a ${TRAINEES}-trainee cohort and ${COURSES} courses (course and cohort over the API, the rest by SQL)`);
    const world = await seedScaleWorld({ url: ctx.api.url, adminToken: token }, ctx.db, { trainees: TRAINEES, courses: COURSES, log: ctx.log });
    return { token, world };
  },
  async run(ctx, { world }) {
    const token = await ctx.admin.token();
    const rows = [];
    for (const list of lists(world)) {
      const latencies: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const path = cursor ? `${list.path}${list.path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : list.path;
        const started = performance.now();
        const page = await ok(ctx.api.url, token, 'GET', path);
        latencies.push(performance.now() - started);
        if (!Array.isArray(page.items) || page.items.length === 0) throw new Error(`scale: an empty page at ${path}`);
        cursor = page.nextCursor;
        if (!cursor && !pages) pages = i + 1;
      }
      latencies.sort((a, b) => a - b);
      ctx.log(`  ${list.name}: p50 ${at(latencies, 0.5)} ms, p95 ${at(latencies, 0.95)} ms${pages ? ` (${pages} requests to the last page)` : ''}`);
      const row = (metric: string, ours: number) => ({ scenario: 'scale', metric: `${list.name}: ${metric}`, ours, baseline: null, ratio: null, rounds: SAMPLES, unit: 'ms' });
      rows.push(row('p50', at(latencies, 0.5)), row('p95', at(latencies, 0.95)), row('max', at(latencies, 1)));
    }
    return rows;
  },
};
