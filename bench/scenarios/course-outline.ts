import { BenchScenario, compareRows, HTTP_READ_TARGETS } from '../harness/bench-context';
import { pairMethod } from '../harness/measure';
import { seedTrainees, SEEDED_PASSWORD } from '../harness/seed-users';
import { apiCall as call } from '../harness/api-call';

/**
 * Scenario `course-outline` (issue 3): GET the outline of a published version with 12 modules x 10
 * lessons. `setupCourseOutline` builds and publishes that course over the API and answers the
 * request to hammer, plus the SQL a bare Fastify + pg baseline runs to read the same rows (the
 * course row for the visibility check and the version row with its outline).
 */
export interface CourseOutlineTokens {
  /** An instructor (or admin) who builds and publishes the course. */
  instructor: string;
  /** Whoever reads the outline during the run (e.g. a trainee). */
  reader: string;
}

export interface CourseOutlineScenario {
  name: 'course-outline';
  method: 'GET';
  path: string;
  headers: Record<string, string>;
  courseId: string;
  versionId: string;
  baseline: { queries: Array<{ text: string; values: unknown[] }> };
}

export const OUTLINE_MODULES = 12;
export const OUTLINE_LESSONS_PER_MODULE = 10;


export async function setupCourseOutline(baseUrl: string, tokens: CourseOutlineTokens): Promise<CourseOutlineScenario> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const course = await call(baseUrl, tokens.instructor, 'POST', '/api/v1/courses', {
    code: `bench-outline-${suffix}`,
    title: 'Bench: cloud operations at scale',
    summary: 'A 12 x 10 course for the outline benchmark.',
    trackCode: 'cloud-engineering',
    level: 'intermediate',
    estimatedHours: 120,
  });
  let previous: string | undefined;
  for (let m = 1; m <= OUTLINE_MODULES; m++) {
    const module = await call(baseUrl, tokens.instructor, 'POST', `/api/v1/courses/${course.id}/modules`, {
      title: `Module ${m}`,
      summary: `What module ${m} covers.`,
      skillCodes: ['CLD-LNX-01', 'CLD-NET-01'],
      prerequisiteModuleIds: previous ? [previous] : [],
    });
    previous = module.id;
    for (let l = 1; l <= OUTLINE_LESSONS_PER_MODULE; l++) {
      await call(baseUrl, tokens.instructor, 'POST', `/api/v1/modules/${module.id}/lessons`, {
        title: `Lesson ${m}.${l}`,
        kind: 'article',
        body: `## Lesson ${m}.${l}\n\nSome **Markdown** body text for the lesson.`,
      });
    }
  }
  const version = await call(baseUrl, tokens.instructor, 'POST', `/api/v1/courses/${course.id}/publish`, { changeNote: 'bench' });
  return {
    name: 'course-outline',
    method: 'GET',
    path: `/api/v1/courses/${course.id}/versions/${version.version}`,
    headers: { authorization: `Bearer ${tokens.reader}` },
    courseId: course.id,
    versionId: version.versionId,
    baseline: {
      queries: [
        { text: 'SELECT id, owner_id, latest_version, status FROM course WHERE id = $1', values: [course.id] },
        {
          text: `SELECT id, course_id, version, title, summary, level, estimated_hours, change_note, published_by, published_at, outline
                   FROM course_version WHERE course_id = $1 AND version = $2`,
          values: [course.id, version.version],
        },
      ],
    },
  };
}

/** The registered scenario: trainees (seeded by SQL, signed in through the API) read the outline; the baseline reads the same rows. */
export const courseOutlineScenario: BenchScenario<{ scenario: CourseOutlineScenario; tokens: string[] }> = {
  description: `GET /api/v1/courses/:id/versions/:version, the outline of a published version with ${OUTLINE_MODULES} modules × ${OUTLINE_LESSONS_PER_MODULE} lessons, 50 trainees in turn, against a bare Fastify + pg server reading the same rows`,
  method: pairMethod(),
  async setup(ctx) {
    const emails = await seedTrainees(ctx.db, 50, ctx.log);
    const tokens = await ctx.signIn(emails, SEEDED_PASSWORD);
    ctx.log(`  building and publishing a ${OUTLINE_MODULES} × ${OUTLINE_LESSONS_PER_MODULE} course over the API`);
    const scenario = await setupCourseOutline(ctx.api.url, { instructor: await ctx.admin.token(), reader: tokens[0] });
    return { scenario, tokens };
  },
  async run(ctx, { scenario, tokens }) {
    const rounds = await ctx.measurePair({ url: ctx.api.url + scenario.path, tokens }, { url: ctx.baseline.url + scenario.path, tokens });
    return compareRows('course-outline', rounds, HTTP_READ_TARGETS);
  },
};
