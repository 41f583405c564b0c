import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { DEFAULT_TIME_ZONE, wallClockAt } from '@gds/time';
import { QueueRegistry } from '@gds/queue';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { EnrollmentDirectory } from '../src/cohort/enrollment-directory.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort, outboxRows, publishEvent } from './support/cohort-builders';

describe('cohort: lesson progress, module completion, roster, at-risk and digests', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  const fake = new FakePublishedCourseVersions();
  // A week's digest goes out only within a day of its local start, so the test's week starts at this
  // hour of today (the recipients keep the default zone) — whatever day of the week the suite runs.
  const wall = wallClockAt(new Date(), DEFAULT_TIME_ZONE);
  const isoWeekday = ((new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7) + 1;
  const digestNow = { WEEKLY_DIGEST_LOCAL_DAY: String(isoWeekday), WEEKLY_DIGEST_LOCAL_HOUR: String(wall.hour) };

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error', ...digestNow }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t.close());

  async function enrolledTrainee(cohortId: string) {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId: trainee.id }, admin.token);
    if (enrolled.status !== 201) throw new Error(enrolled.text);
    return { trainee, enrollmentId: enrolled.body.id as string };
  }
  const myEnrollment = async (token: string, enrollmentId: string) => (await t.api.get('/api/v1/me/enrollments', token)).body.find((e: { id: string }) => e.id === enrollmentId);
  const graded = (enrollmentId: string, traineeId: string, assessmentId: string, passed: boolean, submissionId = randomUUID(), jobId?: string, gradedAt = new Date().toISOString()) =>
    publishEvent(t.dataSource, 'assessment-graded', 'progress', { submissionId, enrollmentId, assessmentId, traineeId, passed, score: passed ? 9 : 2, maxScore: 10, gradedAt }, jobId);

  it('completes only unlocked lessons of one’s own active enrollment, idempotently, through the outbox', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', offsets: { 1: 14 }, shape: { modules: [{ lessons: 2, requiredAssessments: 1, dueOffsetDays: 7 }, { lessons: 1 }] } });
    const [m1, m2] = cohort.outline.modules;
    const { trainee, enrollmentId } = await enrolledTrainee(cohort.id);
    const other = await createUser(t.api, admin.token, ['trainee']);
    const complete = (lessonId: string, token = trainee.token) => t.api.post(`/api/v1/lessons/${lessonId}/complete`, undefined, token);

    const locked = await complete(m2.lessons[0].lessonId);
    expect(locked.status).toBe(422);
    expect(locked.body.type).toContain('lesson-locked');
    expect((await complete(randomUUID())).status).toBe(404);
    expect((await complete('nope')).status).toBe(404);
    expect((await complete(m1.lessons[0].lessonId, other.token)).status).toBe(404);
    expect((await complete(m1.lessons[0].lessonId, instructor.token)).status).toBe(403);

    const first = await complete(m1.lessons[0].lessonId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ enrollmentId, moduleId: m1.moduleId, alreadyCompleted: false });
    const again = await complete(m1.lessons[0].lessonId);
    expect(again.body).toMatchObject({ alreadyCompleted: true, completedAt: first.body.completedAt });
    const recomputes = (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === enrollmentId);
    expect(recomputes).toHaveLength(2); // one at enrollment, one for the single new completion

    const mine = await myEnrollment(trainee.token, enrollmentId);
    expect(mine.modules.map((m: { status: string }) => m.status)).toEqual(['open', 'locked']);
    expect(mine.modules[1].opensAt).toBe(new Date(Date.parse(cohort.body.startsAt) + 14 * 86_400_000).toISOString());
    expect(mine.modules[0].assessments[0]).toMatchObject({ assessmentId: m1.assessments[0].assessmentId, passed: false, dueAt: new Date(Date.parse(cohort.body.startsAt) + 7 * 86_400_000).toISOString() });
    expect(mine.next).toEqual({ moduleId: m1.moduleId, lessonId: m1.lessons[1].lessonId, assessmentId: null });
    expect(mine.lastActivityAt).toEqual(expect.any(String));
    expect((await t.api.get('/api/v1/me/enrollments', other.token)).body).toEqual([]);

    await complete(m1.lessons[1].lessonId);
    const roster = () => t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, admin.token).then((r) => r.body.items.find((i: { enrollmentId: string }) => i.enrollmentId === enrollmentId));
    // Two lessons of three plus one required assessment: 50 %.
    await waitFor(async () => (await roster()).percentComplete === 50, { what: 'the progress processor to count two lessons', timeoutMs: 30_000 });
    expect((await myEnrollment(trainee.token, enrollmentId)).modules[0].status).toBe('open');

    const submissionId = randomUUID();
    const passedAt = new Date().toISOString();
    await graded(enrollmentId, trainee.id, m1.assessments[0].assessmentId, false);
    await graded(enrollmentId, trainee.id, m1.assessments[0].assessmentId, true, submissionId, undefined, passedAt);
    await graded(enrollmentId, trainee.id, m1.assessments[0].assessmentId, true, submissionId, `repeat.${submissionId}`, passedAt);
    await waitFor(async () => (await roster()).modulesDone === 1, { what: 'the module to be done after a pass', timeoutMs: 30_000 });
    expect((await roster()).percentComplete).toBe(75);
    expect((await myEnrollment(trainee.token, enrollmentId)).modules[0].status).toBe('done');
    // Three events, two submissions: the repeated one is stored once (jobs may run in any order).
    await waitFor(async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM assessment_grade WHERE enrollment_id = $1', [enrollmentId]))[0].n === 2, { what: 'both grades', timeoutMs: 30_000 });
    await waitFor(async () => (await t.get<QueueRegistry>(QueueRegistry).jobStatus('progress', `repeat.${submissionId}`))?.state === 'completed', { what: 'the repeated grade to be handled', timeoutMs: 30_000 });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM assessment_grade WHERE enrollment_id = $1', [enrollmentId])).toEqual([{ n: 2 }]);
    expect((await outboxRows(t.dataSource, 'evaluate-certificate')).some((r) => r.payload.enrollmentId === enrollmentId)).toBe(true);
    expect(await t.get<EnrollmentDirectory>(EnrollmentDirectory).completedModules(enrollmentId)).toEqual([m1.moduleId]);

    await t.api.post(`/api/v1/enrollments/${enrollmentId}/withdraw`, {}, trainee.token);
    expect((await complete(m1.lessons[0].lessonId)).status).toBe(404);
  });

  it('counts the latest grade of a submission (a regrade that passes completes the module; a stale event changes nothing)', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', shape: { modules: [{ lessons: 0, requiredAssessments: 1 }, { lessons: 1 }] } });
    const [m1] = cohort.outline.modules;
    const assessmentId = m1.assessments[0].assessmentId;
    const { trainee, enrollmentId } = await enrolledTrainee(cohort.id);
    const mine = () => myEnrollment(trainee.token, enrollmentId);
    const submissionId = randomUUID();
    const at = (second: number) => new Date(Date.UTC(2026, 10, 1, 9, 0, second)).toISOString();

    await graded(enrollmentId, trainee.id, assessmentId, false, submissionId, `initial.${submissionId}`, at(0));
    await waitFor(async () => (await t.dataSource.query('SELECT 1 FROM assessment_grade WHERE submission_id = $1', [submissionId])).length === 1, { what: 'the failed grade', timeoutMs: 30_000 });
    expect((await mine()).modules[0].status).toBe('open');

    await graded(enrollmentId, trainee.id, assessmentId, true, submissionId, `regrade.${submissionId}`, at(10));
    await waitFor(async () => (await mine()).modules[0].status === 'done', { what: 'the regrade to complete the module', timeoutMs: 30_000 });

    // An event older than the grade it would replace (jobs may run out of order) changes nothing.
    await graded(enrollmentId, trainee.id, assessmentId, false, submissionId, `stale.${submissionId}`, at(5));
    await waitFor(async () => (await t.get<QueueRegistry>(QueueRegistry).jobStatus('progress', `stale.${submissionId}`))?.state === 'completed', { what: 'the stale event to be handled', timeoutMs: 30_000 });
    expect((await mine()).modules[0].status).toBe('done');
    expect(await t.dataSource.query('SELECT passed, graded_at FROM assessment_grade WHERE submission_id = $1', [submissionId])).toEqual([{ passed: true, graded_at: new Date(at(10)) }]);
  });

  it('refuses lessons before the cohort runs', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'planned', startsInDays: 3 });
    const { trainee } = await enrolledTrainee(cohort.id);
    const answer = await t.api.post(`/api/v1/lessons/${cohort.outline.modules[0].lessons[0].lessonId}/complete`, undefined, trainee.token);
    expect(answer.status).toBe(422);
    expect(answer.body.type).toContain('cohort-not-running');
  });

  it('opens modules by prerequisites, announces each, and completes the enrollment at the end', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', unlockMode: 'prerequisites', shape: { modules: [{ lessons: 1 }, { lessons: 1, prerequisites: [0] }] } });
    const [m1, m2] = cohort.outline.modules;
    const { trainee, enrollmentId } = await enrolledTrainee(cohort.id);
    const unlocked = async () => (await outboxRows(t.dataSource, 'notify', 'module-unlocked')).filter((r) => r.payload.data.enrollmentId === enrollmentId);
    await waitFor(async () => (await unlocked()).length === 1, { what: 'the first module to be announced', timeoutMs: 30_000 });
    expect((await unlocked())[0].payload).toMatchObject({ recipientIds: [trainee.id], data: { moduleId: m1.moduleId }, eventKey: `module-unlocked:${enrollmentId}:${m1.moduleId}` });
    expect((await t.api.post(`/api/v1/lessons/${m2.lessons[0].lessonId}/complete`, undefined, trainee.token)).status).toBe(422);
    await t.api.post(`/api/v1/lessons/${m1.lessons[0].lessonId}/complete`, undefined, trainee.token);
    await waitFor(async () => (await unlocked()).length === 2, { what: 'the second module to open', timeoutMs: 30_000 });
    expect((await t.api.post(`/api/v1/lessons/${m2.lessons[0].lessonId}/complete`, undefined, trainee.token)).status).toBe(200);
    await waitFor(async () => (await t.api.get(`/api/v1/enrollments/${enrollmentId}`, trainee.token)).body.status === 'completed', { what: 'the enrollment to complete', timeoutMs: 30_000 });
    const mine = await myEnrollment(trainee.token, enrollmentId);
    expect(mine).toMatchObject({ percentComplete: 100, next: null });
    expect(await t.get<EnrollmentDirectory>(EnrollmentDirectory).moduleUnlockAt(enrollmentId, m2.moduleId)).toBeNull();

    // A repeated recompute finds nothing changed: no second announcement, no certificate re-evaluation.
    const evaluations = async () => (await outboxRows(t.dataSource, 'evaluate-certificate')).filter((r) => r.payload.enrollmentId === enrollmentId).length;
    await waitFor(async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL AND job_name = 'recompute-progress'`))[0].n === 0, { what: 'pending recomputes to be relayed', timeoutMs: 30_000 });
    const before = await evaluations();
    await publishEvent(t.dataSource, 'recompute-progress', 'progress', { enrollmentId }, `again.${enrollmentId}`);
    await waitFor(async () => (await t.get<QueueRegistry>(QueueRegistry).jobStatus('progress', `again.${enrollmentId}`))?.state === 'completed', { what: 'the repeated recompute', timeoutMs: 30_000 });
    expect(await evaluations()).toBe(before);
    expect(await unlocked()).toHaveLength(2);
  });

  it('shows staff the roster with who is falling behind; reviewers (aggregates only), other instructors and trainees cannot', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', instructorIds: [instructor.id], startsInDays: -30, shape: { modules: [{ lessons: 1, requiredAssessments: 2 }] } });
    const [a1, a2] = cohort.outline.modules[0].assessments;
    const idle = await enrolledTrainee(cohort.id);
    const failing = await enrolledTrainee(cohort.id);
    const fine = await enrolledTrainee(cohort.id);
    await t.dataSource.query(`UPDATE enrollment SET enrolled_at = now() - interval '20 days', last_activity_at = now() - interval '8 days' WHERE id = $1`, [idle.enrollmentId]);
    await t.dataSource.query(`UPDATE enrollment SET enrolled_at = now() - interval '20 days' WHERE id IN ($1, $2)`, [failing.enrollmentId, fine.enrollmentId]);
    await graded(failing.enrollmentId, failing.trainee.id, a1.assessmentId, false);
    await graded(failing.enrollmentId, failing.trainee.id, a2.assessmentId, false);
    await t.api.post(`/api/v1/lessons/${cohort.outline.modules[0].lessons[0].lessonId}/complete`, undefined, fine.trainee.token);
    const atRisk = async (token = instructor.token) => (await t.api.get(`/api/v1/cohorts/${cohort.id}/roster?atRisk=true`, token)).body;
    const flagged = async () => JSON.stringify(Object.fromEntries((await atRisk()).items.map((i: { enrollmentId: string; atRiskReasons: string[] }) => [i.enrollmentId, i.atRiskReasons])));
    // The grades arrive through the worker: until then the failing trainee merely looks silent.
    const expected = JSON.stringify(Object.fromEntries([[idle.enrollmentId, ['inactive']], [failing.enrollmentId, ['failing']]].sort()));
    await waitFor(async () => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(await flagged())).sort())) === expected, { what: 'one silent and one failing trainee at risk', timeoutMs: 30_000 });
    const fineRow = async () => (await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, instructor.token)).body.items.find((i: { traineeId: string }) => i.traineeId === fine.trainee.id);
    await waitFor(async () => (await fineRow()).lessonsDone === 1, { what: 'the lesson to be counted', timeoutMs: 30_000 });
    expect(await fineRow()).toMatchObject({ atRisk: false, displayName: expect.any(String) });
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, instructor.token)).body.items).toHaveLength(3);
    const reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const otherInstructor = await createUser(t.api, admin.token, ['instructor']);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, reviewer.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/enrollments/${idle.enrollmentId}`, reviewer.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, fine.trainee.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster?atRisk=maybe`, admin.token)).status).toBe(400);
    expect((await t.api.get(`/api/v1/enrollments/${idle.enrollmentId}`, fine.trainee.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/enrollments/${idle.enrollmentId}`, instructor.token)).status).toBe(200);

    // The scheduled scan tells each at-risk trainee and the instructors, once per week.
    const queue = t.get<QueueRegistry>(QueueRegistry).get('maintenance');
    expect((await queue.getJobSchedulers()).map((s) => s.key ?? s.name).sort()).toEqual(expect.arrayContaining(['scan-at-risk', 'send-weekly-digests']));
    const notices = async () => (await outboxRows(t.dataSource, 'notify', 'at-risk')).filter((r) => r.payload.data.cohortId === cohort.id);
    await queue.add('scan-at-risk', {});
    await waitFor(async () => (await notices()).length === 2, { what: 'two at-risk notices', timeoutMs: 30_000 });
    for (const notice of await notices()) expect(notice.payload.recipientIds).toEqual([notice.payload.data.traineeId, instructor.id]);
    const scanned = await queue.add('scan-at-risk', {});
    await waitFor(async () => (await scanned.getState()) === 'completed', { what: 'the second scan', timeoutMs: 30_000 });
    expect(await notices()).toHaveLength(2);

    const digests = async () => (await outboxRows(t.dataSource, 'notify', 'cohort-digest')).filter((r) => r.payload.data.cohortId === cohort.id);
    // One digest per recipient (each in their own week: the first run after the week's local start sends it).
    const digestTo = async (id: string) => (await digests()).find((r) => r.payload.recipientIds[0] === id);
    await queue.add('send-weekly-digests', {});
    await waitFor(async () => !!(await digestTo(instructor.id)) && !!(await digestTo(reviewer.id)), { what: 'the weekly digests', timeoutMs: 30_000 });
    for (const id of [instructor.id, reviewer.id]) {
      const digest = (await digestTo(id))!.payload;
      expect(digest.recipientIds).toEqual([id]);
      expect(digest.data).toMatchObject({ active: 3, atRisk: 2 });
    }
    const again = await queue.add('send-weekly-digests', {});
    await waitFor(async () => (await again.getState()) === 'completed', { what: 'the second digest run', timeoutMs: 30_000 });
    expect((await digests()).filter((r) => r.payload.recipientIds[0] === instructor.id)).toHaveLength(1);
  });

  it('answers other modules through the EnrollmentDirectory contract', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', instructorIds: [instructor.id], offsets: { 1: 10 } });
    const { trainee, enrollmentId } = await enrolledTrainee(cohort.id);
    const directory = t.get<EnrollmentDirectory>(EnrollmentDirectory);
    const ref = await directory.getEnrollment(enrollmentId);
    expect(ref).toMatchObject({ enrollmentId, cohortId: cohort.id, traineeId: trainee.id, courseVersionId: cohort.outline.versionId, status: 'active' });
    expect(ref!.cohortStartsAt.toISOString()).toBe(cohort.body.startsAt);
    expect((await directory.enrollmentsOf(trainee.id)).map((e) => e.enrollmentId)).toEqual([enrollmentId]);
    expect((await directory.enrollmentsOfCohort(cohort.id)).map((e) => e.enrollmentId)).toEqual([enrollmentId]);
    expect(await directory.instructorsOf(cohort.id)).toEqual([instructor.id]);
    expect(await directory.isCohortInstructor(instructor.id, cohort.id)).toBe(true);
    expect(await directory.isCohortInstructor(trainee.id, cohort.id)).toBe(false);
    expect((await directory.moduleUnlockAt(enrollmentId, cohort.outline.modules[1].moduleId))!.toISOString()).toBe(new Date(Date.parse(cohort.body.startsAt) + 10 * 86_400_000).toISOString());
    expect(await directory.getEnrollment(randomUUID())).toBeNull();
  });

  // One statement reads the enrollments with their cohorts (both have an id and a status): each entry keeps its own.
  it('lists every own enrollment, newest first, each with its own status, cohort and course, and nothing else', async () => {
    const older = await createCohort(t.api, admin.token, fake, { status: 'running', shape: { modules: [{ lessons: 1 }] } });
    const newer = await createCohort(t.api, admin.token, fake, { status: 'accepting_applications', startsInDays: 5, shape: { modules: [{ lessons: 2 }, { lessons: 1 }] } });
    const { trainee, enrollmentId: first } = await enrolledTrainee(older.id);
    const second = (await t.api.post(`/api/v1/cohorts/${newer.id}/enrollments`, { traineeId: trainee.id }, admin.token)).body.id as string;
    expect((await t.api.post(`/api/v1/enrollments/${first}/withdraw`, { reason: 'moved' }, trainee.token)).status).toBe(200);

    const answer = (await t.api.get('/api/v1/me/enrollments', trainee.token)).body;
    expect(answer.map((e: { id: string }) => e.id)).toEqual([second, first]);
    const [n, o] = answer;
    const keys = ['id', 'cohortId', 'traineeId', 'courseVersionId', 'status', 'source', 'enrolledAt', 'withdrawnAt', 'withdrawalReason', 'completedAt', 'lastActivityAt',
      'percentComplete', 'lessonsDone', 'modulesDone', 'cohort', 'course', 'modules', 'next'];
    expect(Object.keys(n)).toEqual(keys);
    expect(Object.keys(o)).toEqual(keys);
    expect(o).toMatchObject({ cohortId: older.id, traineeId: trainee.id, courseVersionId: older.outline.versionId, status: 'withdrawn', withdrawalReason: 'moved', withdrawnAt: expect.any(String) });
    expect(o.cohort).toEqual({ id: older.id, name: older.body.name, status: 'running', startsAt: older.body.startsAt, endsAt: older.body.endsAt });
    expect(o.course).toMatchObject({ versionId: older.outline.versionId });
    expect(o.modules).toHaveLength(1);
    expect(n).toMatchObject({ cohortId: newer.id, courseVersionId: newer.outline.versionId, status: 'active', withdrawnAt: null, withdrawalReason: null, percentComplete: 0 });
    expect(n.cohort).toEqual({ id: newer.id, name: newer.body.name, status: 'accepting_applications', startsAt: newer.body.startsAt, endsAt: newer.body.endsAt });
    expect(n.modules.map((m: { status: string; lessonsTotal: number }) => [m.status, m.lessonsTotal])).toEqual([['locked', 2], ['locked', 1]]);
  });
});
