import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { addModule, createCourse, publish } from './support/course-builders';
import { quizBody } from './support/assessment-builders';
import { applyTo, decide, openCohort, setStatus, SQL_KEY, SQL_RIGHT, submitGraded } from './support/journey-builders';

/*
 * Late policy with a floor and a grace period, and attempts defaulted by kind (issue 22, must have 3):
 * a correct answer a day late is no longer driven to 0, and practicals allow several attempts.
 */
describe('assessments: late floor, grace period, attempts by kind', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t?.close());

  const sql = (overrides: Record<string, unknown>) => ({ kind: 'sql', title: 'Sales by region', maxScore: 100, passMark: 50, key: SQL_KEY, ...overrides });

  it('defaults practicals to several attempts and quizzes to one, unless the author says otherwise', async () => {
    const course = await createCourse(t.api, instructor.token, { trackCode: 'data-analysis' });
    const module = await addModule(t.api, instructor.token, course.id);
    const created = (body: object) => t.api.post(`/api/v1/modules/${module.id}/assessments`, body, instructor.token);
    expect((await created(sql({}))).body.attemptsAllowed).toBe(3);
    expect((await created(sql({ attemptsAllowed: 1, title: 'One shot' }))).body.attemptsAllowed).toBe(1);
    const quiz = await created({ ...quizBody(), attemptsAllowed: undefined });
    expect({ status: quiz.status, attemptsAllowed: quiz.body.attemptsAllowed }).toEqual({ status: 201, attemptsAllowed: 1 });
    for (const bad of [{ lateFloorPercent: 101 }, { lateFloorPercent: -1 }, { lateGraceMinutes: -5 }, { lateGraceMinutes: 20000 }]) {
      expect((await created(sql(bad))).status).toBe(400);
    }
  });

  it('keeps a late correct answer at the floor, and counts work within the grace period as on time', async () => {
    const course = await createCourse(t.api, instructor.token, { trackCode: 'data-analysis' });
    const module = await addModule(t.api, instructor.token, course.id);
    const late = { dueOffsetDays: 0, latePolicy: 'penalty', latePenaltyPercentPerDay: 100 };
    const floored = (await t.api.post(`/api/v1/modules/${module.id}/assessments`, sql({ ...late, title: 'Floored', lateFloorPercent: 50 }), instructor.token)).body;
    const graced = (await t.api.post(`/api/v1/modules/${module.id}/assessments`, sql({ ...late, title: 'Graced', lateGraceMinutes: 3 * 24 * 60 }), instructor.token)).body;
    const bare = (await t.api.post(`/api/v1/modules/${module.id}/assessments`, sql({ ...late, title: 'Bare' }), instructor.token)).body;
    expect(floored).toMatchObject({ lateFloorPercent: 50, lateGraceMinutes: 0 });
    const version = await publish(t.api, instructor.token, course.id);
    // The cohort started yesterday: due dates (0 days after the start) have passed.
    const cohort = await openCohort(t.api, admin, version.versionId, [instructor.id]);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    await decide(t.api, instructor, await applyTo(t.api, cohort.id, trainee), 'accept');
    await setStatus(t.api, admin, cohort.id, 'running');
    expect((await submitGraded(t.api, trainee, bare.id, SQL_RIGHT)).score).toBe(0);
    expect((await submitGraded(t.api, trainee, floored.id, SQL_RIGHT)).score).toBe(50);
    expect((await submitGraded(t.api, trainee, graced.id, SQL_RIGHT)).score).toBe(100);
  });
});
