import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { computeProgress } from '../../src/cohort/module-states';
import { renderMarkdown } from '../../src/course/markdown-renderer';
import { authenticatePrincipal, BaselineDeps } from './baseline-routes';
import { outlineOf } from './baseline-outlines';

/**
 * The bare equivalents of the trainee's web-facing reads (scenarios `me-enrollments` and `lesson`):
 * the same token check, the same rows read with plain pg, the app's own progress computation and
 * Markdown renderer (the work the answer needs), no framework. Published outlines and lessons never
 * change, so the bare server keeps outlines and rendered lessons in memory as the app does
 * (PublishedVersionsReader, CourseVersions).
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

/** One enrollment row with its cohort, schedule and facts → the app's EnrollmentProgressView. */
async function describe(pool: Pool, e: any, now: Date) {
  const outline = await outlineOf(pool, e.course_version_id);
  const cohort = (await pool.query('SELECT id, name, status, starts_at, ends_at, unlock_mode, time_zone FROM cohort WHERE id = $1', [e.cohort_id])).rows[0];
  const offsets = await pool.query('SELECT module_id, offset_days FROM cohort_module_unlock WHERE cohort_id = $1', [e.cohort_id]);
  const lessons = await pool.query('SELECT lesson_id FROM lesson_completion WHERE enrollment_id = $1', [e.id]);
  const passes = await pool.query('SELECT DISTINCT assessment_id FROM assessment_grade WHERE enrollment_id = $1 AND passed', [e.id]);
  const facts = { doneLessons: new Set<string>(lessons.rows.map((r) => r.lesson_id)), passedAssessments: new Set<string>(passes.rows.map((r) => r.assessment_id)) };
  const schedule = { unlockMode: cohort.unlock_mode, startsAt: cohort.starts_at, timeZone: cohort.time_zone, offsets: new Map<string, number>(offsets.rows.map((r) => [r.module_id, r.offset_days])) };
  const progress = computeProgress(outline, schedule, facts, now);
  return {
    id: e.id, cohortId: e.cohort_id, traineeId: e.trainee_id, courseVersionId: e.course_version_id, status: e.status, source: e.source,
    enrolledAt: e.enrolled_at.toISOString(), withdrawnAt: e.withdrawn_at?.toISOString() ?? null, withdrawalReason: e.withdrawal_reason,
    completedAt: e.completed_at?.toISOString() ?? null, lastActivityAt: e.last_activity_at?.toISOString() ?? null,
    percentComplete: progress.percentComplete, lessonsDone: progress.lessonsDone, modulesDone: progress.modulesDone,
    cohort: { id: cohort.id, name: cohort.name, status: cohort.status, startsAt: cohort.starts_at.toISOString(), endsAt: cohort.ends_at.toISOString() },
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

/** GET /api/v1/me/enrollments: the trainee's enrollments, newest first, each with live progress. */
export function meEnrollments(app: FastifyInstance, deps: BaselineDeps): void {
  app.get('/api/v1/me/enrollments', async (request, reply) => {
    const principal = await authenticatePrincipal(deps, request, reply);
    if (!principal) return reply;
    const { rows } = await deps.pool.query(
      `SELECT id, cohort_id, trainee_id, course_version_id, status, source, enrolled_at, withdrawn_at, withdrawal_reason, completed_at, last_activity_at, percent_complete
         FROM enrollment WHERE trainee_id = $1 ORDER BY enrolled_at DESC`,
      [principal.userId],
    );
    const now = new Date();
    const described = [];
    for (const e of rows) described.push(await describe(deps.pool, e, now));
    return described;
  });
}

/**
 * GET /api/v1/courses/:id/versions/:version/lessons/:lessonId: the course's visibility, the version,
 * the lesson; then who may read bodies (admins, the course's editors, trainees enrolled — active or
 * completed — in that version); then the body and lab notes rendered to sanitised HTML.
 */
export function versionLesson(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string; version: string; lessonId: string } }>('/api/v1/courses/:id/versions/:version/lessons/:lessonId', async (request, reply) => {
    const principal = await authenticatePrincipal(deps, request, reply);
    if (!principal) return reply;
    const { id, lessonId } = request.params;
    // The app's one statement for the course side (course visibility, version, lesson row, editorship: CourseVersions.lesson).
    const found = await deps.pool.query(
      `SELECT c.latest_version, v.id AS version_id, l.module_id, l.content,
              (c.owner_id = $4::uuid OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = $4::uuid)) AS editor
         FROM course c
         LEFT JOIN course_version v ON v.course_id = c.id AND v.version = $2
         LEFT JOIN course_version_lesson l ON l.version_id = v.id AND l.lesson_id = $3
        WHERE c.id = $1`,
      [id, Number(request.params.version), lessonId, principal.userId],
    );
    const row = found.rows[0];
    const editor = principal.roles.includes('admin') || row?.editor === true;
    if (!row || (row.latest_version === 0 && !editor) || !row.version_id || !row.module_id) return reply.code(404).send({ status: 404 });
    const versionId: string = row.version_id;
    if (!editor) {
      if (!principal.roles.includes('trainee')) return reply.code(403).send({ status: 403 });
      const enrolled = await deps.pool.query(
        `SELECT 1 FROM enrollment WHERE trainee_id = $1 AND course_version_id = $2 AND status IN ('active', 'completed') LIMIT 1`,
        [principal.userId, versionId],
      );
      if (enrolled.rows.length === 0) return reply.code(403).send({ status: 403 });
    }
    const content = row.content;
    return { lessonId, moduleId: row.module_id, versionId, ...content, ...renderedLesson(versionId, lessonId, content) };
  });
}
