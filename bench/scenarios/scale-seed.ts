import { randomUUID } from 'node:crypto';
import { QUIZ_BENCH_KEY } from './quiz-grading';
import { apiCall as call } from '../harness/api-call';

/**
 * The world of scenario `scale` (issue 23.4), shared with test/query-plans.e2e-spec.ts so the test
 * explains the plans of the same data the bench measures. The course (2 modules, a lesson and a quiz
 * each) and a running cohort are built over the API; then, by SQL straight into the real tables:
 * `trainees` enrolled trainees (with applications, varied progress, module progress, lesson
 * completions, one submission per quiz: graded, 1 in 20 awaiting review), an in-app inbox of
 * `trainees` notifications for the admin and one for every trainee, and `courses` published courses
 * in the catalogue. Then ANALYZE.
 */
export interface ScaleWorld {
  cohortId: string;
  versionId: string;
  assessmentIds: string[];
  /** The admin's user id (the owner of the seeded courses, the inbox with many notifications). */
  adminId: string;
  trainees: number;
  courses: number;
}

export interface ScaleDb {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
}

const DAY = 86_400_000;


export async function seedScaleWorld(
  api: { url: string; adminToken: string },
  db: ScaleDb,
  options: { trainees: number; courses: number; log?: (line: string) => void },
): Promise<ScaleWorld> {
  const log = options.log ?? (() => undefined);
  const { url, adminToken: admin } = api;
  const tag = randomUUID().slice(0, 8);
  const me = await call(url, admin, 'GET', '/api/v1/me');
  const course = await call(url, admin, 'POST', '/api/v1/courses', {
    code: `scale-${tag}`, title: 'Scale course', summary: 'The course of the scale benchmark.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 20,
  });
  const assessmentIds: string[] = [];
  for (let m = 1; m <= 2; m++) {
    const module = await call(url, admin, 'POST', `/api/v1/courses/${course.id}/modules`, { title: `Module ${m}` });
    await call(url, admin, 'POST', `/api/v1/modules/${module.id}/lessons`, { title: `Lesson ${m}`, kind: 'article', body: `# Lesson ${m}` });
    const quiz = await call(url, admin, 'POST', `/api/v1/modules/${module.id}/assessments`, {
      kind: 'quiz', title: `Quiz ${m}`, maxScore: 100, passMark: 60, attemptsAllowed: 3, key: QUIZ_BENCH_KEY,
    });
    assessmentIds.push(quiz.id);
  }
  const version = await call(url, admin, 'POST', `/api/v1/courses/${course.id}/publish`, {});
  const now = Date.now();
  const cohort = await call(url, admin, 'POST', '/api/v1/cohorts', {
    name: `Scale cohort ${tag}`, courseVersionIds: [version.versionId], capacity: options.trainees,
    applicationsOpenAt: new Date(now - 70 * DAY).toISOString(), applicationsCloseAt: new Date(now - 60 * DAY).toISOString(),
    startsAt: new Date(now - 56 * DAY).toISOString(), endsAt: new Date(now + 30 * DAY).toISOString(), unlockMode: 'schedule',
  });
  await call(url, admin, 'POST', `/api/v1/cohorts/${cohort.id}/status`, { status: 'running' });
  const world: ScaleWorld = { cohortId: cohort.id, versionId: version.versionId, assessmentIds, adminId: me.id, trainees: options.trainees, courses: options.courses };

  await db.query(
    `INSERT INTO app_user (email, display_name, roles)
     SELECT 'scale-' || $2 || '-' || n || '@bench.test', 'Scale trainee ' || n, ARRAY['trainee'] FROM generate_series(1, $1::int) n`,
    [options.trainees, tag],
  );
  await db.query(
    `INSERT INTO application (cohort_id, trainee_id, course_version_id, status, statement, submitted_at, decided_at)
     SELECT $1, id, $2, 'accepted', 'I want to learn.', now() - interval '65 days' + (row_number() OVER (ORDER BY id)) * interval '1 second', now() - interval '60 days'
       FROM app_user WHERE email LIKE 'scale-' || $3 || '-%'`,
    [world.cohortId, world.versionId, tag],
  );
  // Enrolled over an hour (distinct times), progress 0/50/100 % with 0–2 lessons, activity within 50 days.
  await db.query(
    `INSERT INTO enrollment (cohort_id, trainee_id, course_version_id, application_id, source, status, enrolled_at, last_activity_at,
                             lessons_done, modules_done, modules_total, percent_complete, failed_assessments, progress_updated_at)
     SELECT a.cohort_id, a.trainee_id, a.course_version_id, a.id, 'application', CASE WHEN h.r % 20 = 0 THEN 'withdrawn' ELSE 'active' END,
            now() - interval '56 days' + (h.r % 3600) * interval '1 second', now() - (h.r % 50) * interval '1 day',
            h.r % 3, h.r % 3, 2, (h.r % 3) * 50, h.r % 4 / 3, now()
       FROM application a, LATERAL (SELECT abs(hashtext(a.trainee_id::text)) AS r) h
      WHERE a.cohort_id = $1`,
    [world.cohortId],
  );
  await db.query(`UPDATE cohort SET seats_taken = (SELECT count(*) FROM enrollment WHERE cohort_id = $1) WHERE id = $1`, [world.cohortId]);
  log(`  seeded ${options.trainees} trainees, applications and enrollments`);
  await db.query(
    `INSERT INTO module_progress (enrollment_id, module_id, status, opened_at, completed_at)
     SELECT e.id, m.module_id, CASE WHEN m.position <= e.modules_done THEN 'done' ELSE 'open' END, e.enrolled_at,
            CASE WHEN m.position <= e.modules_done THEN e.last_activity_at END
       FROM enrollment e JOIN LATERAL (SELECT module_id, row_number() OVER (ORDER BY module_id) AS position
                                         FROM (SELECT DISTINCT module_id FROM course_version_lesson WHERE version_id = e.course_version_id) d) m ON true
      WHERE e.cohort_id = $1`,
    [world.cohortId],
  );
  await db.query(
    `INSERT INTO lesson_completion (enrollment_id, lesson_id, module_id, completed_at)
     SELECT e.id, l.lesson_id, l.module_id, coalesce(e.last_activity_at, now())
       FROM enrollment e JOIN course_version_lesson l ON l.version_id = e.course_version_id
      WHERE e.cohort_id = $1 AND e.lessons_done > 0`,
    [world.cohortId],
  );
  // One attempt and submission per trainee and quiz: graded (with its grade rows), 1 in 20 awaiting review.
  await db.query(
    `WITH att AS (
       INSERT INTO assessment_attempt (assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, attempts_allowed, started_at)
       SELECT a.id, e.course_version_id, e.id, e.cohort_id, e.trainee_id, 1, 3, now() - interval '40 days' + (abs(hashtext(e.id::text || a.id::text)) % 86400) * interval '1 second'
         FROM enrollment e CROSS JOIN unnest($2::uuid[]) AS a(id)
        WHERE e.cohort_id = $1
       RETURNING id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, started_at),
     sub AS (
       INSERT INTO submission (attempt_id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, kind, answer, status,
                               max_score, pass_mark, score, passed, feedback, submitted_at, graded_at)
       SELECT att.id, att.assessment_id, att.version_id, att.enrollment_id, att.cohort_id, att.trainee_id, 'quiz', '{"answers":{}}',
              CASE WHEN r % 20 = 0 THEN 'needs_review' ELSE 'graded' END, 100, 60,
              CASE WHEN r % 20 = 0 THEN NULL ELSE r % 101 END, CASE WHEN r % 20 = 0 THEN NULL ELSE r % 101 >= 60 END,
              NULL, att.started_at, CASE WHEN r % 20 = 0 THEN NULL ELSE att.started_at + interval '1 minute' END
         FROM att, LATERAL (SELECT abs(hashtext(att.id::text)) AS r) h
       RETURNING id, version_id, status, max_score, score, passed, enrollment_id, assessment_id, graded_at),
     gr AS (
       INSERT INTO grade (submission_id, cause, raw_score, score, max_score, passed, feedback, key_version_id, created_at)
       SELECT id, 'initial', score, score, max_score, passed, '[]', version_id, graded_at FROM sub WHERE status = 'graded' RETURNING 1)
     INSERT INTO assessment_grade (submission_id, enrollment_id, assessment_id, passed, score, max_score, graded_at)
     SELECT id, enrollment_id, assessment_id, passed, score, max_score, graded_at FROM sub WHERE status = 'graded'`,
    [world.cohortId, assessmentIds],
  );
  log(`  seeded module progress, lesson completions and ${options.trainees * assessmentIds.length} submissions`);
  // An inbox: one notification per trainee to that trainee, and as many to the admin.
  await db.query(
    `WITH ev AS (
       INSERT INTO notification_event (event_key, type, data, created_at)
       SELECT 'scale:' || $2 || ':' || e.id, 'cohort.announcement', jsonb_build_object('cohortId', e.cohort_id), now() - (abs(hashtext(e.id::text)) % 100000) * interval '1 second'
         FROM enrollment e WHERE e.cohort_id = $1
       RETURNING event_key, created_at, split_part(event_key, ':', 3)::uuid AS enrollment_id)
     INSERT INTO notification_delivery (event_key, recipient_id, channel, status, read_at, created_at)
     SELECT ev.event_key, r.recipient_id, 'in_app', 'delivered', CASE WHEN abs(hashtext(ev.event_key)) % 3 = 0 THEN ev.created_at END, ev.created_at
       FROM ev JOIN enrollment e ON e.id = ev.enrollment_id, LATERAL (VALUES (e.trainee_id), ($3::uuid)) r(recipient_id)`,
    [world.cohortId, tag, world.adminId],
  );
  // The catalogue: published courses of every track and level (no versions: the list reads the course row).
  await db.query(
    `INSERT INTO course (code, title, summary, track_code, level, estimated_hours, owner_id, status, latest_version)
     SELECT 'scale-' || $2 || '-' || n, 'Scale course ' || lpad(n::text, 5, '0') || ' ' || md5(n::text), 'A course of the scale benchmark, number ' || n,
            (ARRAY['cybersecurity','data-analysis','ui-ux-design','cloud-engineering'])[1 + n % 4], (ARRAY['beginner','intermediate','advanced'])[1 + n % 3],
            10 + n % 90, $3, 'published', 1
       FROM generate_series(1, $1::int) n`,
    [options.courses, tag, world.adminId],
  );
  log(`  seeded ${options.trainees * 2} notifications and ${options.courses} courses`);
  await db.query('ANALYZE');
  log('  analyzed');
  return world;
}
