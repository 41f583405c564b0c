import { TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { countStatementsOnApiApp } from './support/statement-counting-app';
import { createUser, login, loginAdmin, TestPerson } from './support/people';
import { buildCourse, publish } from './support/course-builders';
import { openCohort, setStatus } from './support/journey-builders';
import { authorAssessment, QUIZ_RIGHT, quizBody } from './support/assessment-builders';

/**
 * The load run's hottest requests send their statements as named prepared statements (parsed once
 * per pooled connection: libs/database/src/named-statement.ts, issue 23's Postgres CPU), and no
 * more statements than before. A refactor back to plain text would pass every other test.
 */
describe('hot paths: named statements', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  countStatementsOnApiApp(counter, (app) => (t = app));

  it('GET /me: one named statement, the access check answering the profile', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee'], { district: 'Cayo' });
    const { result, names } = await counter.during(() => t.api.get('/api/v1/me', erin.token));
    expect(result.status).toBe(200);
    expect(names).toEqual(['access:current-principal-with-profile']);
    // The same profile as the separate profile read answers (PATCH /me answers through it).
    const patched = await t.api.patch('/api/v1/me', { displayName: 'Test trainee' }, erin.token);
    expect(patched.status).toBe(200);
    expect(result.body).toEqual(patched.body);
    expect(result.body).toMatchObject({ id: erin.id, email: erin.email, roles: ['trainee'], district: 'Cayo' });
  });

  it('GET /me still refuses at once an ended session or a deactivated account (the same statement checks both)', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const other = await login(t.api, erin.email, erin.password);
    expect((await t.api.get('/api/v1/me', erin.token)).status).toBe(200);
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: erin.refreshToken }, erin.token)).status).toBe(204);
    const ended = await t.api.get('/api/v1/me', erin.token);
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toContain('session has ended');
    expect((await t.api.get('/api/v1/me', other.accessToken)).status).toBe(200);
    expect((await t.api.post(`/api/v1/users/${erin.id}/deactivate`, { reason: 'left' }, admin.token)).status).toBe(200);
    const inactive = await t.api.get('/api/v1/me', other.accessToken);
    expect(inactive.status).toBe(401);
    expect(inactive.body.detail).toContain('not active');
  });

  /** A published course of one module of two lessons, and a running cohort of it with `trainee` enrolled. */
  async function enrolledInRunningCohort(admin: TestPerson, instructor: TestPerson, trainee: TestPerson) {
    const { course, modules } = await buildCourse(t.api, instructor.token, 1, 2);
    const version = await publish(t.api, instructor.token, course.id);
    const cohort = await openCohort(t.api, admin, version.versionId, [instructor.id]);
    await setStatus(t.api, admin, cohort.id, 'running');
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token);
    if (enrolled.status !== 201) throw new Error(`enrolling failed: ${enrolled.status} ${enrolled.text}`);
    return { courseId: course.id as string, version: version.version as number, lessonIds: modules[0].lessonIds, enrollmentId: enrolled.body.id as string };
  }

  it('a trainee with two enrollments: the list, a lesson read and a completion, each as few named statements as it needs', async () => {
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const first = await enrolledInRunningCohort(admin, instructor, trainee);
    const second = await enrolledInRunningCohort(admin, instructor, trainee);
    // Once unmeasured: the first read of a version's outline (then kept per process) is not the hot path.
    expect((await t.api.get('/api/v1/me/enrollments', trainee.token)).status).toBe(200);

    // Both enrollments with their progress in one joined statement, not one (or more) per enrollment.
    const list = await counter.during(() => t.api.get('/api/v1/me/enrollments', trainee.token));
    expect(list.result.status).toBe(200);
    expect(list.result.body.map((e: { id: string }) => e.id).sort()).toEqual([first.enrollmentId, second.enrollmentId].sort());
    // The access check answered from the standing cache: the session's request before read it.
    expect(list.names).toEqual(['cohort:own-enrollments-with-facts']);

    // The lesson: course, version, lesson, editorship and the trainee's enrollment in the version, in one statement.
    const lesson = await counter.during(() => t.api.get(`/api/v1/courses/${second.courseId}/versions/${second.version}/lessons/${second.lessonIds[0]}`, trainee.token));
    expect(lesson.result.status).toBe(200);
    expect(lesson.result.body.lessonId).toBe(second.lessonIds[0]);
    expect(lesson.names).toEqual(['course:lesson-read']);

    // The completion: the trainee's active enrollments with their facts, then one statement that
    // writes the row, touches the enrollment and writes the outbox row.
    const completion = await counter.during(() => t.api.post(`/api/v1/lessons/${second.lessonIds[0]}/complete`, undefined, trainee.token));
    expect(completion.result.status).toBe(200);
    expect(completion.result.body).toMatchObject({ enrollmentId: second.enrollmentId, alreadyCompleted: false });
    expect(completion.names).toEqual(['cohort:active-progress-facts-of-trainee', 'cohort:record-lesson-completion']);

    // Again: the read answers it (the time of the first completion), nothing is locked or written.
    const [row] = await t.dataSource.query('SELECT completed_at FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2', [second.enrollmentId, second.lessonIds[0]]);
    const again = await counter.during(() => t.api.post(`/api/v1/lessons/${second.lessonIds[0]}/complete`, undefined, trainee.token));
    expect(again.result.status).toBe(200);
    expect(again.result.body).toEqual({ ...completion.result.body, completedAt: row.completed_at.toISOString(), alreadyCompleted: true });
    expect(completion.result.body.completedAt).toBe(row.completed_at.toISOString());
    expect(again.names).toEqual(['cohort:active-progress-facts-of-trainee']);
  });

  it('the lesson read answers the enrollment in its own statement as the separate check did', async () => {
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const [trainee, graduate, leaver, stranger] = await Promise.all([1, 2, 3, 4].map(() => createUser(t.api, admin.token, ['trainee'])));
    const course = await enrolledInRunningCohort(admin, instructor, trainee);
    const path = `/api/v1/courses/${course.courseId}/versions/${course.version}/lessons/${course.lessonIds[1]}`;
    // A session's first request reads its standing (the access check); later ones find it in the standing cache.
    const read = async (person: TestPerson, firstOfSession: boolean) => {
      const { result, names } = await counter.during(() => t.api.get(path, person.token));
      expect(names).toEqual([...(firstOfSession ? ['access:current-principal'] : []), 'course:lesson-read']);
      return result.status;
    };
    // Enrolled elsewhere only: another course's version, not this one.
    await enrolledInRunningCohort(admin, instructor, stranger);
    const [graduateIn, leaverIn] = await Promise.all([graduate, leaver].map((p) => enrolledInRunningCohort(admin, instructor, p)));
    expect(await read(trainee, true)).toBe(200);
    expect(await read(stranger, true)).toBe(403);
    expect(await read(instructor, false)).toBe(200);
    expect(await read(admin, false)).toBe(200);
    // A completed enrollment keeps reading its version; a withdrawn one does not.
    await t.dataSource.query(`UPDATE enrollment SET status = 'completed', completed_at = now() WHERE id = $1`, [graduateIn.enrollmentId]);
    const withdrawn = await t.api.post(`/api/v1/enrollments/${leaverIn.enrollmentId}/withdraw`, { reason: 'moved away' }, leaver.token);
    expect(withdrawn.status).toBe(200);
    const own = (p: TestPerson, c: { courseId: string; version: number; lessonIds: string[] }) =>
      counter.during(() => t.api.get(`/api/v1/courses/${c.courseId}/versions/${c.version}/lessons/${c.lessonIds[0]}`, p.token));
    expect((await own(graduate, graduateIn)).result.status).toBe(200);
    const refused = await own(leaver, leaverIn);
    expect(refused.result.status).toBe(403);
    expect(refused.names).toEqual(['course:lesson-read']);
    // The role still decides: an enrollment row does not open bodies to a caller who is no longer a trainee.
    expect((await t.api.patch(`/api/v1/users/${graduate.id}/roles`, { roles: ['reviewer'], reason: 'test' }, admin.token)).status).toBe(200);
    const reviewer = await login(t.api, graduate.email, graduate.password);
    const asReviewer = await counter.during(() => t.api.get(`/api/v1/courses/${graduateIn.courseId}/versions/${graduateIn.version}/lessons/${graduateIn.lessonIds[0]}`, reviewer.accessToken));
    expect(asReviewer.result.status).toBe(403);
  });

  it('a quiz submit sends its statements named; GET /submissions/:id is one named statement with the queue position while queued, the same answers as before', async () => {
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const [first, second] = await Promise.all([1, 2].map(() => createUser(t.api, admin.token, ['trainee'])));
    const { course, modules } = await buildCourse(t.api, instructor.token, 1, 1);
    const assessmentId = await authorAssessment(t.api, instructor, modules[0].id, quizBody());
    const version = await publish(t.api, instructor.token, course.id);
    const cohort = await openCohort(t.api, admin, version.versionId, [instructor.id]);
    await setStatus(t.api, admin, cohort.id, 'running');
    const submitted: string[] = [];
    for (const trainee of [first, second]) {
      expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token)).status).toBe(201);
      const sent = await counter.during(() => t.api.post(`/api/v1/assessments/${assessmentId}/submissions`, { answer: QUIZ_RIGHT }, trainee.token));
      expect(sent.result.status).toBe(202);
      // The submit's hot statements are named: the attempt lock with the enrollments, their module locks' facts and the exceptions, the insert with its grading job.
      expect(sent.names.filter((name) => name !== null)).toEqual(['access:current-principal', 'assessment:lock-attempts-with-enrollments', 'assessment:submit-in-open-or-new-attempt']);
      // And nothing else goes as plain text but the transaction's bounds (an unnamed regression fails
      // here), apart from the frozen assessment's read on the process's first submit of it (in the
      // transaction, after the statement that found the enrollment): published versions never
      // change, so the course module reads it once and keeps it (PublishedVersionsReader).
      const coldRead = submitted.length === 0 ? [expect.stringMatching(/^SELECT frozen FROM course_version_assessment /)] : [];
      expect(sent.statements.filter((_, i) => sent.names[i] === null)).toEqual(['START TRANSACTION', ...coldRead, 'COMMIT']);
      submitted.push(sent.result.body.id);
    }
    // The api role runs no grader: both stay queued, the second behind the first.
    const poll = (id: string, person: TestPerson) => counter.during(() => t.api.get(`/api/v1/submissions/${id}`, person.token));
    const [mine, behind] = [await poll(submitted[0], first), await poll(submitted[1], second)];
    expect(mine.names).toEqual(['assessment:submission-with-queue-position']);
    expect(mine.result.body).toMatchObject({ id: submitted[0], assessmentId, status: 'queued', queuePosition: 0, maxScore: 100, score: null, lateDays: 0 });
    expect(behind.result.body).toMatchObject({ status: 'queued', queuePosition: 1 });
    expect(mine.result.body.traineeId).toBeUndefined();
    // Not the other trainee's; the cohort's instructor sees it with the staff fields and its grade history.
    expect((await poll(submitted[0], second)).result.status).toBe(404);
    const staff = await poll(submitted[0], instructor);
    expect(staff.result.body).toMatchObject({ traineeId: first.id, queuePosition: 0, grades: [] });
    // Out of the queue: no position, the score as a number.
    await t.dataSource.query(`UPDATE submission SET status = 'graded', score = 87.5, passed = true, graded_at = now() WHERE id = $1`, [submitted[0]]);
    const graded = await poll(submitted[0], first);
    expect(graded.result.body).toMatchObject({ status: 'graded', score: 87.5, passed: true });
    expect(graded.result.body).not.toHaveProperty('queuePosition');
    expect((await poll(submitted[1], second)).result.body.queuePosition).toBe(0);
  });

  it('the catalogue browse and GET /cohorts as a trainee: one named statement each after the access check, the same answers as the single reads', async () => {
    const admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    // A course the trainee completed, and one that requires it (and a third it has not done).
    const done = await enrolledInRunningCohort(admin, instructor, trainee);
    const other = await buildCourse(t.api, instructor.token, 1, 1);
    await publish(t.api, instructor.token, other.course.id);
    const next = await buildCourse(t.api, instructor.token, 1, 1);
    expect((await t.api.put(`/api/v1/courses/${next.course.id}/prerequisites`, { courseIds: [done.courseId, other.course.id] }, instructor.token)).status).toBe(200);
    const nextVersion = await publish(t.api, instructor.token, next.course.id);
    await t.dataSource.query(`UPDATE enrollment SET status = 'completed', completed_at = now() WHERE trainee_id = $1`, [trainee.id]);
    const open = await openCohort(t.api, admin, nextVersion.versionId, [instructor.id]);
    await openCohort(t.api, admin, nextVersion.versionId, [instructor.id]);
    // A draft stays invisible to the trainee.
    const draft = await buildCourse(t.api, instructor.token, 1, 1);

    const catalogue = await counter.during(() => t.api.get('/api/v1/courses?limit=100', trainee.token));
    expect(catalogue.result.status).toBe(200);
    expect(catalogue.names).toEqual(['access:current-principal', 'course:catalogue']);
    const ids = catalogue.result.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([done.courseId, other.course.id, next.course.id]));
    expect(ids).not.toContain(draft.course.id);
    // The page after a cursor goes named too, and walks on from the first page's last course.
    const firstPage = await t.api.get('/api/v1/courses?limit=1', trainee.token);
    const after = await counter.during(() => t.api.get(`/api/v1/courses?limit=100&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`, trainee.token));
    expect(after.names).toEqual(['course:catalogue:after']);
    expect([firstPage.body.items[0].id, ...after.result.body.items.map((c: { id: string }) => c.id)]).toEqual(ids);

    // Once unmeasured: the version's row is read once per process, then kept.
    const cold = await t.api.get(`/api/v1/courses/${next.course.id}`, trainee.token);
    const course = await counter.during(() => t.api.get(`/api/v1/courses/${next.course.id}`, trainee.token));
    expect(course.result.status).toBe(200);
    expect(course.result.body).toEqual(cold.body);
    // The skills' read only when the version teaches some.
    expect(course.names.filter((name) => name !== 'course:skills-by-code')).toEqual(['course:detail']);
    expect((await t.api.get(`/api/v1/courses/${draft.course.id}`, trainee.token)).status).toBe(404);

    const version = await counter.during(() => t.api.get(`/api/v1/courses/${next.course.id}/versions/${nextVersion.version}`, trainee.token));
    expect(version.result.status).toBe(200);
    expect(version.names).toEqual(['course:latest-version']);
    expect((await t.api.get(`/api/v1/courses/${draft.course.id}/versions/1`, trainee.token)).status).toBe(404);

    // Once unmeasured: the outlines are read once per process, then kept.
    expect((await t.api.get('/api/v1/cohorts?limit=100', trainee.token)).status).toBe(200);
    const cohorts = await counter.during(() => t.api.get('/api/v1/cohorts?limit=100', trainee.token));
    expect(cohorts.result.status).toBe(200);
    // The page with every cohort's parts and the viewer's completed versions, then the prerequisites' titles (not cached: a draft's title may change).
    expect(cohorts.names).toEqual(['cohort:list:mine', null]);
    const items = cohorts.result.body.items as Array<{ id: string; courses: Array<{ prerequisites: Array<{ courseId: string; met: boolean }>; prerequisitesMet: boolean }> }>;
    expect(items.map((c) => c.id)).toContain(open.id);
    // Each item as GET /cohorts/:id answers it (its own reads, the viewer's completed courses judged there).
    for (const item of items) expect(item).toEqual((await t.api.get(`/api/v1/cohorts/${item.id}`, trainee.token)).body);
    const opened = items.find((c) => c.id === open.id)!;
    expect(Object.fromEntries(opened.courses[0].prerequisites.map((p) => [p.courseId, p.met]))).toEqual({ [done.courseId]: true, [other.course.id]: false });
    expect(opened.courses[0].prerequisitesMet).toBe(false);
    // Admins see every cohort through their own text; a status filter and a cursor have theirs.
    const all = await counter.during(() => t.api.get('/api/v1/cohorts?limit=1&status=accepting_applications', admin.token));
    expect(all.result.body.nextCursor).toEqual(expect.any(String));
    expect(all.names[0]).toBe('cohort:list:all:status');
    const rest = await counter.during(() => t.api.get(`/api/v1/cohorts?limit=100&status=accepting_applications&cursor=${encodeURIComponent(all.result.body.nextCursor)}`, admin.token));
    expect(rest.names[0]).toBe('cohort:list:all:status:after');
    const everyOpen = await t.dataSource.query(`SELECT id FROM cohort WHERE status = 'accepting_applications' ORDER BY starts_at DESC, id DESC`);
    expect([all.result.body.items[0].id, ...rest.result.body.items.map((c: { id: string }) => c.id)]).toEqual(everyOpen.map((r: { id: string }) => r.id));
  });

  it('POST /auth/refresh: one named statement', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const { result, names } = await counter.during(() => t.api.post('/api/v1/auth/refresh', { refreshToken: erin.refreshToken }));
    expect(result.status).toBe(200);
    expect(names).toEqual(['identity:rotate-unspent-refresh-token']);
  });
  it('PATCH /me giving a demographic value under the consent in force: the access check and one named statement, no transaction', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee'], { district: 'Cayo' });
    const { result, names } = await counter.during(() => t.api.patch('/api/v1/me', { district: 'Belize', displayName: 'Erin' }, erin.token));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: erin.id, district: 'Belize', displayName: 'Erin', gender: null });
    expect(names).toEqual(['access:current-principal', 'identity:update-own-profile']);
  });

  it('POST /auth/login: the user read and the first refresh token, two named statements, no transaction', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const { result, names } = await counter.during(() => t.api.post('/api/v1/auth/login', { email: erin.email.toUpperCase(), password: erin.password }));
    expect(result.status).toBe(200);
    expect(names).toEqual(['identity:sign-in-by-email', 'identity:insert-refresh-token']);
    const [row] = await t.dataSource.query('SELECT user_id, used_at, revoked_at FROM refresh_token WHERE id = $1', [result.body.refreshToken.split('.')[0]]);
    expect(row).toEqual({ user_id: erin.id, used_at: null, revoked_at: null });
    expect((await t.api.get('/api/v1/me', result.body.accessToken)).body.id).toBe(erin.id);
    expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: result.body.refreshToken })).status).toBe(200);
  });
});
