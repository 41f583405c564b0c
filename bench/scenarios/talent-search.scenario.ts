import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { BenchScenario } from '../harness/bench-context';
import { ok } from './quiz-grading';

const PROFILES = Number(process.env.BENCH_TALENT_PROFILES ?? 10_000);
const RUNS = Number(process.env.BENCH_TALENT_SEARCHES ?? 300);
const TRACKS = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'];
const SKILLS = Array.from({ length: 24 }, (_, i) => `BENCH-SK-${String(i).padStart(2, '0')}`);
const AVAILABILITY = ['immediately', 'within_1_month', 'within_3_months', 'open_to_offers'];

/** The searches an employer makes, in turn: browsing a track, all-of and any-of skill filters (ranked), availability, deep pages. */
const QUERIES = [
  'track=cybersecurity',
  'skillsAny=BENCH-SK-01,BENCH-SK-02,BENCH-SK-03',
  'skillsAll=BENCH-SK-04,BENCH-SK-09',
  'track=data-analysis&availability=immediately,within_1_month',
  'track=cloud-engineering&skillsAny=BENCH-SK-10,BENCH-SK-11&limit=50',
];

interface TalentSearchWorld {
  token: string;
}

/**
 * Scenario `talent-search` (issue 19): GET /api/v1/talent/profiles as an employer over
 * BENCH_TALENT_PROFILES (10,000) listed profiles seeded by SQL into the real tables (each with a
 * trainee account, a track, 3–6 evidenced skills, an availability), with the filters employers use
 * in turn, each followed by its next page (keyset cursor). Latency only: p50, p95, max.
 */
export const talentSearchScenario: BenchScenario<TalentSearchWorld> = {
  description: `Latency of the employers' talent search over ${PROFILES} listed profiles (track, skills all of / any of ranked by match, availability; first and next page), ${RUNS} sequential requests`,
  method: `from the bench process to the built api, ${RUNS} GETs one after another (each timed alone with performance.now, request to parsed answer): ${QUERIES.length} filter sets in turn, every other request the next page of the one before; percentiles over them; no bare baseline`,
  async setup(ctx) {
    const admin = await ctx.admin.token();
    const base = ctx.api.url;
    const organisation = await ok(base, admin, 'POST', '/api/v1/organisations', { name: `Bench employer ${randomUUID().slice(0, 8)}` });
    const email = `bench-employer-${randomUUID().slice(0, 12)}@bench.test`;
    const password = `bench-${randomUUID()}`;
    await ok(base, admin, 'POST', '/api/v1/users', { email, displayName: 'Bench employer', roles: ['employer'], organisationId: organisation.id, password });
    const token = (await ok(base, null, 'POST', '/api/v1/auth/login', { email, password })).accessToken;
    ctx.log(`  seeding ${PROFILES} trainees with listed talent profiles by SQL`);
    const cohortId = randomUUID();
    for (let start = 0; start < PROFILES; start += 1000) {
      const count = Math.min(1000, PROFILES - start);
      await ctx.db.query(
        `WITH people AS (
           INSERT INTO app_user (email, display_name, roles)
           SELECT 'talent-' || n || '@bench.test', 'Talent ' || n, ARRAY['trainee'] FROM generate_series($1::int, $1::int + $2::int - 1) n
           RETURNING id, split_part(split_part(email, '@', 1), '-', 2)::int AS n)
         INSERT INTO talent_profile (trainee_id, listed, statement, availability, preferred_roles, track_code, cohort_id, skill_codes, certified_course_codes, listed_at)
         SELECT id, true, 'Bench profile', ($4::text[])[1 + n % 4], ARRAY['Analyst'], ($3::text[])[1 + n % 4], $6,
                ARRAY(SELECT ($5::text[])[1 + ((n * 7 + k * 5) % 24)] FROM generate_series(0, 2 + n % 4) k), ARRAY['bench-course-' || (n % 8)], now()
           FROM people`,
        [start, count, TRACKS, AVAILABILITY, SKILLS, cohortId],
      );
      ctx.log(`  seeded ${start + count}/${PROFILES}`);
    }
    await ctx.db.query('ANALYZE talent_profile');
    return { token };
  },
  async run(ctx, { token }) {
    const latencies: number[] = [];
    let next: string | null = null;
    for (let i = 0; i < RUNS; i++) {
      const query = QUERIES[Math.floor(i / 2) % QUERIES.length];
      const path = `/api/v1/talent/profiles?${query}${i % 2 === 1 && next ? `&cursor=${next}` : ''}`;
      const started = performance.now();
      const page = await ok(ctx.api.url, token, 'GET', path);
      latencies.push(performance.now() - started);
      if (!Array.isArray(page.items) || page.items.length === 0) throw new Error(`talent-search: no results for ${path}`);
      next = page.nextCursor;
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * q) - 1)] * 10) / 10;
    const row = (metric: string, ours: number) => ({ scenario: 'talent-search', metric, ours, baseline: null, ratio: null, unit: 'ms' });
    return [row('p50 per search', at(0.5)), row('p95 per search', at(0.95)), row('max', at(1))];
  },
};
