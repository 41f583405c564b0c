import { BenchScenario, compareRows, HTTP_READ_TARGETS } from '../harness/bench-context';
import { pairMethod } from '../harness/measure';
import { LESSONS_PER_MODULE, MODULES, setupTraineeCourse, TraineeCourse, TRAINEES } from './trainee-course';

/**
 * Scenario `me-enrollments` (issue 23): GET /api/v1/me/enrollments, the trainee home's read — each
 * enrollment with its cohort, course and live module progress — by enrolled trainees in turn,
 * against the bare route of bench/baseline/trainee-reads.ts (same token check, same queries, the
 * app's own progress computation).
 */
export const meEnrollmentsScenario: BenchScenario<TraineeCourse> = {
  description: `GET /api/v1/me/enrollments, ${TRAINEES} enrolled trainees in turn (one enrollment each in a running cohort over a ${MODULES} × ${LESSONS_PER_MODULE} course, 2 lessons done), against a bare Fastify + pg server running the same queries and the same progress computation`,
  method: pairMethod(),
  setup: (ctx) => setupTraineeCourse(ctx),
  async run(ctx, { tokens }) {
    const rounds = await ctx.measurePair({ url: `${ctx.api.url}/api/v1/me/enrollments`, tokens }, { url: `${ctx.baseline.url}/api/v1/me/enrollments`, tokens });
    return compareRows('me-enrollments', rounds, HTTP_READ_TARGETS);
  },
};
