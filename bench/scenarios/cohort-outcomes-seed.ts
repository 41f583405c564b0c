import { randomUUID } from 'node:crypto';
import { BenchContext } from '../harness/bench-context';
import { QUIZ_BENCH_KEY } from './quiz-grading';

/**
 * Seeding for scenario `cohort-outcomes` (issue 8.7). The course, its two quizzes and the running
 * cohort are built over the API; the 10,000 trainees, their applications, enrollments, attempts,
 * 500,000 graded submissions and certificates are inserted by SQL straight into the real tables
 * (a few INSERT ... SELECT over generate_series), since 500,000 submissions through the grading
 * worker would take hours. The report then reads them through the real adapters.
 */
export interface OutcomesWorld {
  cohortId: string;
  versionId: string;
  assessmentIds: string[];
  trainees: number;
  submissions: number;
}

const DAY = 86_400_000;
const ASSESSMENTS = 2;
/** Rejected applicants on top of the enrolled trainees, so applicants ≠ enrolled. */
const REJECTED_SHARE = 0.1;

async function call(ctx: BenchContext, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(ctx.api.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`cohort-outcomes: ${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A published course (2 modules, a lesson and a quiz each) and a running cohort of it, over the API. */
async function buildCourseAndCohort(ctx: BenchContext, attemptsAllowed: number, capacity: number) {
  const admin = await ctx.admin.token();
  const code = `bench-outcomes-${randomUUID().slice(0, 8)}`;
  const course = await call(ctx, admin, 'POST', '/api/v1/courses', {
    code, title: 'Bench outcomes course', summary: 'A course for the cohort-outcomes benchmark.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 20,
  });
  const assessmentIds: string[] = [];
  for (let m = 1; m <= ASSESSMENTS; m++) {
    const module = await call(ctx, admin, 'POST', `/api/v1/courses/${course.id}/modules`, { title: `Module ${m}` });
    await call(ctx, admin, 'POST', `/api/v1/modules/${module.id}/lessons`, { title: `Lesson ${m}`, kind: 'article', body: `# Lesson ${m}` });
    const quiz = await call(ctx, admin, 'POST', `/api/v1/modules/${module.id}/assessments`, {
      kind: 'quiz', title: `Quiz ${m}`, maxScore: 100, passMark: 60, attemptsAllowed, key: QUIZ_BENCH_KEY,
    });
    assessmentIds.push(quiz.id);
  }
  const version = await call(ctx, admin, 'POST', `/api/v1/courses/${course.id}/publish`, {});
  const now = Date.now();
  const cohort = await call(ctx, admin, 'POST', '/api/v1/cohorts', {
    name: `Bench outcomes cohort ${code}`, courseVersionIds: [version.versionId], capacity,
    applicationsOpenAt: new Date(now - 70 * DAY).toISOString(), applicationsCloseAt: new Date(now - 60 * DAY).toISOString(),
    startsAt: new Date(now - 56 * DAY).toISOString(), endsAt: new Date(now + 30 * DAY).toISOString(), unlockMode: 'schedule',
  });
  await call(ctx, admin, 'POST', `/api/v1/cohorts/${cohort.id}/status`, { status: 'running' });
  return { cohortId: cohort.id as string, versionId: version.versionId as string, assessmentIds };
}

/** Trainees (profile fields varied by number), applications (10% rejected) and enrollments of the accepted. */
async function seedPeople(ctx: BenchContext, world: { cohortId: string; versionId: string }, trainees: number, tag: string): Promise<void> {
  const applicants = trainees + Math.round(trainees * REJECTED_SHARE);
  await ctx.db.query(
    `INSERT INTO app_user (email, display_name, roles, gender, birth_year, district, employer)
     SELECT 'outcomes-' || $2 || '-' || n || '@bench.test', 'Outcomes trainee ' || n, ARRAY['trainee'],
            (ARRAY['female','male','non_binary','prefer_not_to_say'])[1 + n % 4], 1970 + n % 35,
            (ARRAY['Belize','Cayo','Corozal','Orange Walk','Stann Creek','Toledo'])[1 + n % 6], 'other'
       FROM generate_series(1, $1::int) n`,
    [applicants, tag],
  );
  // Demographics count only with consent in force.
  await ctx.db.query(`INSERT INTO demographic_consent (user_id, version, given_at) SELECT id, 1, now() FROM app_user WHERE email LIKE 'outcomes-' || $1 || '-%'`, [tag]);
  ctx.log(`  seeded ${applicants} trainees`);
  // The first `trainees` (by number) are accepted, the rest rejected.
  await ctx.db.query(
    `INSERT INTO application (cohort_id, trainee_id, course_version_id, status, statement, submitted_at, decided_at)
     SELECT $1, u.id, $2, CASE WHEN n <= $3 THEN 'accepted' ELSE 'rejected' END, 'I want to learn.',
            now() - interval '65 days' + (n % 1000) * interval '1 minute', now() - interval '60 days'
       FROM app_user u, LATERAL (SELECT split_part(split_part(u.email, '@', 1), '-', 3)::int AS n) k
      WHERE u.email LIKE 'outcomes-' || $4 || '-%'`,
    [world.cohortId, world.versionId, trainees, tag],
  );
  // Of the enrolled: every 10th withdrawn, 3 in 10 completed, the rest active; activity within 8 weeks.
  await ctx.db.query(
    `INSERT INTO enrollment (cohort_id, trainee_id, course_version_id, application_id, source, status, enrolled_at,
                             withdrawn_at, completed_at, last_activity_at, lessons_done, modules_done, modules_total, percent_complete, progress_updated_at)
     SELECT a.cohort_id, a.trainee_id, a.course_version_id, a.id, 'application', s.status, now() - interval '56 days',
            CASE WHEN s.status = 'withdrawn' THEN now() - interval '20 days' END,
            CASE WHEN s.status = 'completed' THEN now() - interval '56 days' + (20 + r % 30) * interval '1 day' END,
            now() - (r % 50) * interval '1 day', s.done, s.done, 2, s.done * 50, now()
       FROM application a, LATERAL (SELECT abs(hashtext(a.trainee_id::text)) AS r) h,
            LATERAL (SELECT CASE WHEN r % 10 = 0 THEN 'withdrawn' WHEN r % 10 <= 3 THEN 'completed' ELSE 'active' END AS status,
                            CASE WHEN r % 10 = 0 THEN 0 WHEN r % 10 <= 3 THEN 2 ELSE r % 2 END AS done) s
      WHERE a.cohort_id = $1 AND a.status = 'accepted'`,
    [world.cohortId],
  );
  await ctx.db.query(`UPDATE cohort SET seats_taken = (SELECT count(*) FROM enrollment WHERE cohort_id = $1) WHERE id = $1`, [world.cohortId]);
  ctx.log(`  seeded ${applicants} applications and ${trainees} enrollments`);
}

/**
 * `perAssessment` attempts and graded submissions per enrollment and quiz, numbered so the total
 * stops at `submissions`; a score is a per-trainee-and-quiz ability plus noise (both hashes), so
 * pass rates and means are neither 0 nor 100%.
 * One batch of enrollments per statement, for progress lines.
 */
async function seedSubmissions(ctx: BenchContext, world: OutcomesWorld, perAssessment: number): Promise<number> {
  const enrollments = (await ctx.db.query<{ id: string }>(`SELECT id FROM enrollment WHERE cohort_id = $1 ORDER BY id`, [world.cohortId])).map((r) => r.id);
  const batch = 1000;
  let inserted = 0;
  for (let start = 0; start < enrollments.length; start += batch) {
    const rows = await ctx.db.query<{ n: number }>(
      `WITH e AS (SELECT e.id, e.cohort_id, e.trainee_id, e.course_version_id, $5::int + ordinality::int - 1 AS idx
                    FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ordinality) JOIN enrollment e ON e.id = x.id),
            a AS (SELECT id, ordinality::int AS idx FROM unnest($2::uuid[]) WITH ORDINALITY AS y(id, ordinality)),
            att AS (
              INSERT INTO assessment_attempt (assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, attempts_allowed, started_at)
              SELECT a.id, e.course_version_id, e.id, e.cohort_id, e.trainee_id, k, $3, now() - interval '50 days' + k * interval '1 day'
                FROM e CROSS JOIN a CROSS JOIN generate_series(1, $3::int) k
               WHERE e.idx * $6::int * $3::int + (a.idx - 1) * $3::int + k <= $4::int
              RETURNING id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, started_at),
            sub AS (
              INSERT INTO submission (attempt_id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, kind, answer, status,
                                      max_score, pass_mark, score, passed, feedback, submitted_at, graded_at)
              SELECT att.id, att.assessment_id, att.version_id, att.enrollment_id, att.cohort_id, att.trainee_id, 'quiz', '{"answers":{}}', 'graded',
                     100, 60, sc.score, sc.score >= 60, '[]', att.started_at, att.started_at + interval '1 minute'
                FROM att, LATERAL (SELECT least(100, abs(hashtext(att.id::text)) % 50 + abs(hashtext(att.enrollment_id::text || att.assessment_id::text)) % 45)::numeric AS score) sc
              RETURNING id, version_id, max_score, score, passed, enrollment_id, assessment_id, graded_at)
       , gr AS (
              INSERT INTO grade (submission_id, cause, raw_score, score, max_score, passed, feedback, key_version_id, created_at)
              SELECT id, 'initial', score, score, max_score, passed, '[]', version_id, graded_at FROM sub RETURNING 1)
       , ag AS (
              INSERT INTO assessment_grade (submission_id, enrollment_id, assessment_id, passed, score, max_score, graded_at)
              SELECT id, enrollment_id, assessment_id, passed, score, max_score, graded_at FROM sub RETURNING 1)
       SELECT count(*)::int AS n FROM gr`,
      [enrollments.slice(start, start + batch), world.assessmentIds, perAssessment, world.submissions, start, world.assessmentIds.length],
    );
    inserted += rows[0].n;
    ctx.log(`  seeded ${inserted}/${world.submissions} graded submissions (${Math.min(start + batch, enrollments.length)}/${enrollments.length} enrollments)`);
  }
  return inserted;
}

/** Lessons completed within the last 8 weeks (weekly activity) and certificates of 9 in 10 completed. */
async function seedCompletionsAndCertificates(ctx: BenchContext, world: OutcomesWorld): Promise<void> {
  await ctx.db.query(
    `INSERT INTO lesson_completion (enrollment_id, lesson_id, module_id, completed_at)
     SELECT e.id, l.lesson_id, l.module_id, coalesce(e.last_activity_at, now() - interval '30 days')
       FROM enrollment e JOIN course_version_lesson l ON l.version_id = e.course_version_id
      WHERE e.cohort_id = $1 AND e.lessons_done > 0`,
    [world.cohortId],
  ).catch(async (error: Error) => ctx.log(`  (lesson completions skipped: ${error.message})`));
  await ctx.db.query(
    `INSERT INTO certificate (id, trainee_id, enrollment_id, cohort_id, course_version_id, verification_code, holder_name, course_title, course_code,
                              track_code, skill_codes, course_score, credential_jwt, signing_kid, issued_at)
     SELECT gen_random_uuid(), e.trainee_id, e.id, e.cohort_id, e.course_version_id,
            translate(substr(md5(e.id::text) || md5(e.trainee_id::text), 1, 26), '0189', 'wxyz'), u.display_name,
            'Bench outcomes course', 'bench-outcomes', 'cybersecurity', '{}', 75, 'bench.jwt.unsigned', 'bench', e.completed_at + interval '1 day'
       FROM enrollment e JOIN app_user u ON u.id = e.trainee_id
      WHERE e.cohort_id = $1 AND e.status = 'completed' AND abs(hashtext(e.id::text)) % 10 <> 0`,
    [world.cohortId],
  );
  await ctx.db.query('ANALYZE');
  ctx.log('  seeded lesson completions and certificates; analyzed');
}

export async function seedOutcomesWorld(ctx: BenchContext, trainees: number, submissions: number): Promise<OutcomesWorld> {
  const perAssessment = Math.min(100, Math.max(1, Math.ceil(submissions / (trainees * ASSESSMENTS))));
  const applicants = trainees + Math.round(trainees * REJECTED_SHARE);
  ctx.log(`  building the course (2 modules, 2 quizzes) and a running cohort over the API`);
  const base = await buildCourseAndCohort(ctx, perAssessment, applicants);
  const world: OutcomesWorld = { ...base, trainees, submissions: Math.min(submissions, trainees * ASSESSMENTS * perAssessment) };
  const tag = randomUUID().slice(0, 6);
  await seedPeople(ctx, world, trainees, tag);
  const started = Date.now();
  world.submissions = await seedSubmissions(ctx, world, perAssessment);
  ctx.log(`  ${world.submissions} submissions in ${Math.round((Date.now() - started) / 1000)} s`);
  await seedCompletionsAndCertificates(ctx, world);
  return world;
}
