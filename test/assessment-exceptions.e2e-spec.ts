import { addLocalDays, instantOf, wallClockAt } from '@gds/time';
import { DeadlineReminders } from '../src/assessment/deadline-reminders.service';
import { EnrollmentDirectory } from '../src/cohort/enrollment-directory.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { applyTo, buildProgramme, decide, openCohort, Programme, setStatus, SQL_WRONG, waitForInboxTypes } from './support/journey-builders';

/*
 * Per-trainee exceptions (issue 22, must have 3): a later due date or extra attempts for one
 * trainee or a group, by the cohort's instructors or an admin only, audited and told to the trainee.
 */
describe('assessment exceptions: extensions and extra attempts per trainee', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let stranger: TestPerson;
  let programme: Programme;
  let cohortId: string;
  let trainees: TestPerson[];
  const path = (assessmentId: string, cohort = cohortId) => `/api/v1/cohorts/${cohort}/assessments/${assessmentId}/exceptions`;
  const stored = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM assessment_exception'))[0].n as number;
  const submitSql = (who: TestPerson) => t.api.post(`/api/v1/assessments/${programme.sqlId}/submissions`, { answer: SQL_WRONG }, who.token);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    stranger = await createUser(t.api, admin.token, ['instructor']);
    programme = await buildProgramme(t.api, instructor);
    cohortId = (await openCohort(t.api, admin, programme.versionId, [instructor.id])).id;
    trainees = [];
    for (let i = 0; i < 3; i++) {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      await decide(t.api, instructor, await applyTo(t.api, cohortId, trainee), 'accept');
      trainees.push(trainee);
    }
    await setStatus(t.api, admin, cohortId, 'running');
  });
  afterAll(() => t?.close());

  it('grants extra attempts to one trainee: they may submit past the assessment’s limit, and are told why', async () => {
    // The SQL exercise allows 3 attempts.
    for (let i = 0; i < 3; i++) expect((await submitSql(trainees[0])).status).toBe(202);
    expect((await submitSql(trainees[0])).body.type).toMatch(/attempts-exhausted$/);
    const granted = await t.api.post(path(programme.sqlId), { traineeIds: [trainees[0].id], extraAttempts: 2, reason: 'Power cut during the exercise' }, instructor.token);
    expect(granted.status).toBe(201);
    expect(granted.body.items).toEqual([expect.objectContaining({ traineeId: trainees[0].id, assessmentId: programme.sqlId, extraAttempts: 2, dueAt: null, grantedBy: instructor.id, reason: 'Power cut during the exercise' })]);
    expect((await submitSql(trainees[0])).status).toBe(202);
    expect((await submitSql(trainees[0])).status).toBe(202);
    expect((await submitSql(trainees[0])).body).toMatchObject({ type: expect.stringMatching(/attempts-exhausted$/), detail: 'All 5 attempts this assessment allows are used.' });
    const notice = (await waitForInboxTypes(t.api, trainees[0], ['assessment-exception-granted'])).find((i: { type: string }) => i.type === 'assessment-exception-granted');
    expect(notice).toMatchObject({ title: 'Exception granted: Sales by region', link: `/app/assessments/${programme.sqlId}` });
    expect(notice.text).toBe('For Sales by region, you have 2 more attempts. Reason: Power cut during the exercise');
  });

  it('extends the due date for a group, keeps every grant as the audit trail, and shows it to staff only', async () => {
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const granted = await t.api.post(path(programme.quizId), { traineeIds: [trainees[1].id, trainees[2].id], dueAt, reason: 'Night shifts this week' }, admin.token);
    expect(granted.status).toBe(201);
    expect(granted.body.items.map((i: { traineeId: string; dueAt: string }) => [i.traineeId, i.dueAt])).toEqual([[trainees[1].id, dueAt], [trainees[2].id, dueAt]]);
    const listed = await t.api.get(path(programme.quizId), instructor.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect((await t.api.get(path(programme.quizId), stranger.token)).status).toBe(404);
    expect((await t.api.get(path(programme.quizId), trainees[1].token)).status).toBe(403);
  });

  it('refuses strangers, trainees, the past, negative or no grants, and people outside the cohort, storing nothing', async () => {
    const before = await stored();
    const body = { traineeIds: [trainees[1].id], extraAttempts: 1, reason: 'r' };
    expect((await t.api.post(path(programme.sqlId), body, stranger.token)).status).toBe(404);
    expect((await t.api.post(path(programme.sqlId), body, trainees[1].token)).status).toBe(403);
    const past = await t.api.post(path(programme.sqlId), { ...body, extraAttempts: undefined, dueAt: new Date(Date.now() - 60_000).toISOString() }, instructor.token);
    expect({ status: past.status, type: past.body.type }).toEqual({ status: 422, type: expect.stringMatching(/extension-in-past$/) });
    expect((await t.api.post(path(programme.sqlId), { ...body, extraAttempts: -1 }, instructor.token)).status).toBe(400);
    expect((await t.api.post(path(programme.sqlId), { ...body, extraAttempts: 0 }, instructor.token)).status).toBe(400);
    expect((await t.api.post(path(programme.sqlId), { traineeIds: [trainees[1].id], reason: 'r' }, instructor.token)).body.type).toMatch(/exception-empty$/);
    const outsider = await createUser(t.api, admin.token, ['trainee']);
    const mixed = await t.api.post(path(programme.sqlId), { ...body, traineeIds: [trainees[1].id, outsider.id] }, instructor.token);
    expect(mixed.body).toMatchObject({ status: 422, traineeIds: [outsider.id] });
    expect((await t.api.post(path(programme.sqlId), { ...body, traineeIds: [] }, instructor.token)).status).toBe(400);
    expect((await t.api.post(path(programme.sqlId), { ...body, salary: 1 }, instructor.token)).status).toBe(400);
    expect((await t.api.post(path('6b0b6f0e-0000-4000-8000-000000000000'), body, instructor.token)).status).toBe(404);
    expect(await stored()).toBe(before);
  });

  it('reminds against the extended due date, and again when a later extension is granted after the first reminder', async () => {
    const trainee = trainees[2];
    const enrollment = (await t.get<EnrollmentDirectory>(EnrollmentDirectory).enrollmentsOfCohort(cohortId)).find((e) => e.traineeId === trainee.id)!;
    const reminders = t.get<DeadlineReminders>(DeadlineReminders);
    const reminded = async () => (await t.dataSource.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'deadline-approaching' AND payload->'recipientIds' ? $1 ORDER BY created_at`,
      [trainee.id],
    )).map((r: { payload: { eventKey: string; data: { dueAt: string } } }) => ({ eventKey: r.payload.eventKey, dueAt: r.payload.data.dueAt }));
    const HOUR = 3_600_000;
    // Later than the quiz extension this trainee was granted above, which is then past.
    const first = new Date(Date.now() + 30 * 24 * HOUR);
    await t.api.post(path(programme.sqlId), { traineeIds: [trainee.id], dueAt: first.toISOString(), reason: 'Sick leave' }, instructor.token);
    // A day before the extended date (the exercise had no date of its own): one reminder, naming the extended date.
    expect(await reminders.scanEnrollment(enrollment, new Date(first.getTime() - 24 * HOUR))).toBe(1);
    expect(await reminders.scanEnrollment(enrollment, new Date(first.getTime() - 23 * HOUR))).toBe(0);
    const base = `deadline:${enrollment.enrollmentId}:${programme.sqlId}`;
    expect(await reminded()).toEqual([{ eventKey: base, dueAt: first.toISOString() }]);

    const second = new Date(first.getTime() + 5 * 24 * HOUR);
    await t.api.post(path(programme.sqlId), { traineeIds: [trainee.id], dueAt: second.toISOString(), reason: 'Still on sick leave' }, admin.token);
    // Near the date reminded of, nothing: that date no longer holds for this trainee.
    expect(await reminders.scanEnrollment(enrollment, new Date(first.getTime() - 12 * HOUR))).toBe(0);
    expect(await reminders.scanEnrollment(enrollment, new Date(second.getTime() - 20 * HOUR))).toBe(1);
    expect(await reminders.scanEnrollment(enrollment, new Date(second.getTime() - 2 * HOUR))).toBe(0);
    expect(await reminded()).toEqual([
      { eventKey: base, dueAt: first.toISOString() },
      { eventKey: `${base}:${second.getTime()}`, dueAt: second.toISOString() },
    ]);
  });

  it('reminds when the due date is today or tomorrow in the trainee’s own zone', async () => {
    const trainee = trainees[1];
    const enrollment = (await t.get<EnrollmentDirectory>(EnrollmentDirectory).enrollmentsOfCohort(cohortId)).find((e) => e.traineeId === trainee.id)!;
    // Due at 23:00 in Belize, about 20 days ahead: 14:00 the next day in Tokyo.
    const day = wallClockAt(addLocalDays(new Date(), 20, 'America/Belize'), 'America/Belize');
    const due = instantOf({ ...day, hour: 23, minute: 0, second: 0 }, 'America/Belize');
    await t.api.post(path(programme.sqlId), { traineeIds: [trainee.id], dueAt: due.toISOString(), reason: 'Shift change' }, instructor.token);
    // 40 hours before: 07:00 the day before in Belize (due tomorrow), 22:00 two days before in Tokyo (due the day after tomorrow).
    const now = new Date(due.getTime() - 40 * 3_600_000);
    const reminders = t.get<DeadlineReminders>(DeadlineReminders);
    // The scan reads the trainee's own zone: in Tokyo, not yet.
    expect((await t.api.patch('/api/v1/me', { timeZone: 'Asia/Tokyo' }, trainee.token)).status).toBe(200);
    expect(await reminders.scanEnrollment(enrollment, now)).toBe(0);
    expect(await reminders.scanEnrollment(enrollment, now, 'America/Belize')).toBe(1);
  });
});
