import { BenchScenario, compareRows, HTTP_READ_TARGETS } from '../harness/bench-context';
import { pairMethod } from '../harness/measure';
import { setupTraineeCourse, TraineeCourse, TRAINEES } from './trainee-course';

/**
 * Scenario `lesson` (issue 23): GET /api/v1/courses/:id/versions/:version/lessons/:lessonId, a lesson
 * with its body rendered (Markdown → sanitised HTML), read by enrolled trainees in turn, against the
 * bare route of bench/baseline/trainee-reads.ts (same token check, same visibility and enrollment
 * checks, the app's own renderer).
 */
export const lessonScenario: BenchScenario<TraineeCourse> = {
  description: `GET /api/v1/courses/:id/versions/:version/lessons/:lessonId, a lab lesson with a 2 KB Markdown body, ${TRAINEES} enrolled trainees in turn, against a bare Fastify + pg server running the same checks and the same Markdown renderer, with the same per-process cache of rendered lessons`,
  method: pairMethod(),
  setup: (ctx) => setupTraineeCourse(ctx),
  async run(ctx, { courseId, version, lessonIds, tokens }) {
    const path = `/api/v1/courses/${courseId}/versions/${version}/lessons/${lessonIds[2]}`;
    const rounds = await ctx.measurePair({ url: ctx.api.url + path, tokens }, { url: ctx.baseline.url + path, tokens });
    return compareRows('lesson', rounds, HTTP_READ_TARGETS);
  },
};
