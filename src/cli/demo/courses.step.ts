import { AppTransactionHost } from '@gds/database';
import { Principal } from '@gds/http';
import { AssessmentAuthoring } from '../../assessment/assessment-authoring.service';
import { CourseAuthoring } from '../../course/course-authoring.service';
import { CourseCatalogue } from '../../course/course-catalogue.service';
import { CourseExchange } from '../../course/course-exchange.service';
import { CourseModules } from '../../course/course-modules.service';
import { CourseVersions } from '../../course/course-versions.service';
import { DEMO_COURSES } from '../../course/demo-courses';
import { PublishedCourseVersions } from '../../course/published-course-versions.contract';
import { DEMO_ASSESSMENTS } from './demo-assessments';
import { principalOf } from './demo-principal';
import { DemoContext, DemoStep } from './demo-step';

/** Who owns which demo course: the two instructors share the four tracks. */
const OWNERS: Record<string, string> = {
  'soc-analyst-foundations': 'instructor-1',
  'data-analysis-with-sql': 'instructor-1',
  'ux-design-essentials': 'instructor-2',
  'cloud-operations-foundations': 'instructor-2',
};

/**
 * The four demo courses (one per track), each imported as a draft, given its assessments, and only
 * then published, so version 1 freezes them. One transaction per course: a course exists published
 * with its assessments, or not at all. A course whose code exists is kept as it is.
 */
export const coursesStep: DemoStep = {
  name: 'courses and assessments',
  async run(ctx: DemoContext) {
    const admin = principalOf(ctx, 'admin');
    for (const { code, document } of DEMO_COURSES) {
      let courseId = await findCourse(ctx, admin, code);
      const made = !courseId;
      if (!courseId) courseId = await createPublished(ctx, admin, code, document);
      const [latest] = await ctx.app.get(CourseVersions, { strict: false }).list(admin, courseId);
      const outline = (await ctx.app.get(PublishedCourseVersions, { strict: false }).getOutline(latest.versionId))!;
      const assessments = Object.fromEntries(outline.modules.flatMap((m) => m.assessments).map((a) => [a.kind, a.assessmentId]));
      ctx.courses.set(code, { courseId, versionId: latest.versionId, outline, assessments });
      const kinds = Object.keys(assessments).join(', ');
      ctx.log(`  ${made ? 'created' : 'kept   '} ${code} v${latest.version} (${outline.modules.length} modules; assessments: ${kinds})`);
    }
  },
};

async function findCourse(ctx: DemoContext, admin: Principal, code: string): Promise<string | null> {
  const catalogue = ctx.app.get(CourseCatalogue, { strict: false });
  const track = DEMO_COURSES.find((c) => c.code === code)!.document.course.trackCode;
  let cursor: string | undefined;
  do {
    const page = await catalogue.list(admin, { track, limit: 100, cursor });
    const found = page.items.find((c) => c.code === code);
    if (found) return found.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}

async function createPublished(ctx: DemoContext, admin: Principal, code: string, document: (typeof DEMO_COURSES)[number]['document']): Promise<string> {
  const txHost = ctx.app.get(AppTransactionHost, { strict: false });
  return txHost.withTransaction(async () => {
    const ownerId = principalOf(ctx, OWNERS[code]).userId;
    const course = await ctx.app.get(CourseExchange, { strict: false }).import(admin, { code, document, ownerId });
    const modules = await ctx.app.get(CourseModules, { strict: false }).listOf(course.id);
    const authoring = ctx.app.get(AssessmentAuthoring, { strict: false });
    for (const { modulePosition, dto } of DEMO_ASSESSMENTS[code] ?? []) await authoring.create(modules[modulePosition - 1].id, dto, admin);
    await ctx.app.get(CourseAuthoring, { strict: false }).publish(admin, course.id, 'First published version (demo seed)');
    return course.id;
  });
}
