import type { FastifyInstance } from 'fastify';
import { CACHE } from '../../libs/http/src/cache-control';
import { computeProgress } from '../../src/cohort/module-states';
import { renderMarkdown } from '../../src/course/markdown-renderer';
import type { CourseVersionOutline } from '../../src/course/published-course-versions.contract';
import { authenticatePrincipal, BaselineDeps } from './baseline-routes';
import { outlineOf } from './baseline-outlines';
import { LESSON_READ, OWN_ENROLLMENTS_WITH_FACTS } from './baseline-statements';

/**
 * The bare equivalents of the trainee's web-facing reads (scenarios `me-enrollments` and `lesson`):
 * the same token check, the app's statements sent by plain pg as the app sends them (named, from
 * baseline-statements.ts), the app's own progress computation and Markdown renderer (the work the
 * answer needs), no framework. Published outlines and lessons never change, so the bare server
 * keeps outlines and rendered lessons in memory as the app does (PublishedVersionsReader,
 * CourseVersions).
 */
/** Rendered lesson HTML by version and lesson: frozen content, rendered once (as the app does). */
const renderedLessons = new Map<string, { bodyHtml: string | null; environmentNotesHtml: string | null }>();

function renderedLesson(versionId: string, lessonId: string, content: { body: string | null; environmentNotes: string | null }) {
  const key = `${versionId}/${lessonId}`;
  let rendered = renderedLessons.get(key);
  if (!rendered) {
    rendered = { bodyHtml: renderMarkdown(content.body), environmentNotesHtml: renderMarkdown(content.environmentNotes) };
    renderedLessons.set(key, rendered);
  }
  return rendered;
}

/** One row of OWN_ENROLLMENTS_WITH_FACTS (an enrollment, its cohort and its facts) → the app's EnrollmentProgressView. */
function describe(e: any, outline: CourseVersionOutline, now: Date) {
  const facts = { doneLessons: new Set<string>(e.lessons), passedAssessments: new Set<string>(e.passes) };
  const schedule = { unlockMode: e.unlockMode, startsAt: e.cohortStartsAt, timeZone: e.timeZone, offsets: new Map<string, number>(e.offsets) };
  const progress = computeProgress(outline, schedule, facts, now);
  return {
    id: e.id, cohortId: e.cohortId, traineeId: e.traineeId, courseVersionId: e.courseVersionId, status: e.status, source: e.source,
    enrolledAt: e.enrolledAt.toISOString(), withdrawnAt: e.withdrawnAt?.toISOString() ?? null, withdrawalReason: e.withdrawalReason,
    completedAt: e.completedAt?.toISOString() ?? null, lastActivityAt: e.lastActivityAt?.toISOString() ?? null,
    percentComplete: progress.percentComplete, lessonsDone: progress.lessonsDone, modulesDone: progress.modulesDone,
    cohort: { id: e.cohortId, name: e.cohortName, status: e.cohortStatus, startsAt: e.cohortStartsAt.toISOString(), endsAt: e.cohortEndsAt.toISOString() },
    course: { versionId: outline.versionId, courseId: outline.courseId, title: outline.courseTitle, code: outline.courseCode, version: outline.version },
    modules: progress.modules.map((m) => ({
      moduleId: m.moduleId, title: m.title, position: m.position, status: m.status, opensAt: m.opensAt.toISOString(),
      lessonsDone: m.lessonsDone, lessonsTotal: m.lessonsTotal,
      completedLessonIds: outline.modules.find((o) => o.moduleId === m.moduleId)!.lessons.filter((l) => facts.doneLessons.has(l.lessonId)).map((l) => l.lessonId),
      assessments: m.dueDates.map((d) => ({ ...d, dueAt: d.dueAt?.toISOString() ?? null })),
    })),
    next: progress.next,
  };
}

/**
 * GET /api/v1/me/enrollments: the trainee's enrollments, newest first, each with live progress. The
 * app's one named statement (enrollments with their cohort, offsets, lessons done and passes), then
 * the outlines of their versions (kept in memory, as the app keeps them).
 */
export function meEnrollments(app: FastifyInstance, deps: BaselineDeps): void {
  app.get('/api/v1/me/enrollments', async (request, reply) => {
    const principal = await authenticatePrincipal(deps, request, reply);
    if (!principal) return reply;
    const { rows } = await deps.pool.query({ ...OWN_ENROLLMENTS_WITH_FACTS, values: [principal.userId] });
    const outlines = new Map<string, CourseVersionOutline>();
    for (const versionId of new Set<string>(rows.map((r) => r.courseVersionId))) outlines.set(versionId, await outlineOf(deps.pool, versionId));
    const now = new Date();
    return rows.map((e) => describe(e, outlines.get(e.courseVersionId)!, now));
  });
}

/**
 * GET /api/v1/courses/:id/versions/:version/lessons/:lessonId: the course's visibility, the version,
 * the lesson and who may read bodies (admins, the course's editors, trainees enrolled — active or
 * completed — in that version), in the app's one statement; then the body and lab notes rendered to
 * sanitised HTML.
 */
export function versionLesson(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string; version: string; lessonId: string } }>('/api/v1/courses/:id/versions/:version/lessons/:lessonId', async (request, reply) => {
    const principal = await authenticatePrincipal(deps, request, reply);
    if (!principal) return reply;
    const { id, lessonId } = request.params;
    // The app's one named statement (course visibility, version, lesson row, editorship and the enrollment: CourseVersions.lesson).
    const found = await deps.pool.query({ ...LESSON_READ, values: [id, Number(request.params.version), lessonId, principal.userId] });
    const row = found.rows[0];
    const editor = principal.roles.includes('admin') || row?.editor === true;
    if (!row || (row.latest_version === 0 && !editor) || !row.version_id || !row.module_id) return reply.code(404).send({ status: 404 });
    const versionId: string = row.version_id;
    if (!editor && !(principal.roles.includes('trainee') && row.enrolled === true)) return reply.code(403).send({ status: 403 });
    const content = row.content;
    reply.header('cache-control', CACHE.privateImmutable); // the route's policy (@CachePolicy), as the app answers
    return { lessonId, moduleId: row.module_id, versionId, ...content, ...renderedLesson(versionId, lessonId, content) };
  });
}
