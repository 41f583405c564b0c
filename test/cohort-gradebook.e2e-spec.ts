import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin, TestPerson } from './support/people';
import { QUIZ_RIGHT, QUIZ_WRONG, waitForSubmission } from './support/assessment-builders';
import { submitGraded } from './support/journey-builders';
import { buildGradebookWorld, GradebookWorld, RUBRIC_ANSWER } from './support/gradebook-world';

/*
 * Issue 22, must have 6: the instructors' gradebook of a cohort and course version — trainees ×
 * assessments with best and latest score, status, late days, exceptions and overdue work — as JSON
 * paged by trainee and as CSV, for admins and the cohort's instructors only.
 */
describe('cohort gradebook', () => {
  let t: TestApp;
  let admin: TestPerson;
  let w: GradebookWorld;
  const path = (cohortId = w.cohortId) => `/api/v1/cohorts/${cohortId}/gradebook`;
  /** The design review is due the day the cohort started: at its start (offset 0 days). */
  let designDue: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    w = await buildGradebookWorld(t.api, admin);
    designDue = (await t.api.get(`/api/v1/cohorts/${w.cohortId}`, admin.token)).body.startsAt;
    const [ana, brian, third] = w.trainees;
    // Ana passes the quiz and hands in the design late (it was due when the cohort started).
    await submitGraded(t.api, ana, w.quizId, QUIZ_RIGHT);
    const design = await t.api.post(`/api/v1/assessments/${w.rubricId}/submissions`, { answer: RUBRIC_ANSWER }, ana.token);
    expect(design.status).toBe(202);
    await waitForSubmission(t.api, ana.token, design.body.id, ['needs_review']);
    // Brian fails the quiz twice (both attempts), then is granted one more.
    await submitGraded(t.api, brian, w.quizId, QUIZ_WRONG);
    await submitGraded(t.api, brian, w.quizId, QUIZ_WRONG);
    // The third trainee has opened the quiz and not answered.
    expect((await t.api.post(`/api/v1/assessments/${w.quizId}/attempts`, undefined, third.token)).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('lists the assessment columns once and a row per trainee, paged in enrolment order, with status, scores and late days', async () => {
    const first = await t.api.get(`${path()}?limit=2`, w.instructor.token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ cohortId: w.cohortId, courseVersionId: w.versionId, version: w.version });
    expect(first.body.assessments).toEqual([
      expect.objectContaining({ assessmentId: w.quizId, title: 'Network basics', kind: 'quiz', moduleTitle: 'Foundations', maxScore: 100, passMark: 50, attemptsAllowed: 2 }),
      expect.objectContaining({ assessmentId: w.rubricId, title: 'Landing page', kind: 'rubric', maxScore: 100, passMark: 60, attemptsAllowed: 1 }),
    ]);
    expect(first.body.items.map((r: { displayName: string }) => r.displayName)).toEqual([w.names[0], w.names[1]]);
    const [ana, brian] = first.body.items;
    expect(ana.cells).toEqual([
      expect.objectContaining({ assessmentId: w.quizId, status: 'passed', bestScore: 100, latestScore: 100, attemptsUsed: 1, attemptsAllowed: 2, late: false, exception: null, dueAt: null, overdue: false }),
      // Handed in late: late, not overdue.
      expect.objectContaining({ assessmentId: w.rubricId, status: 'awaiting_review', bestScore: null, latestScore: null, late: true, lateDays: 2, dueAt: designDue, overdue: false }),
    ]);
    // The quiz has no due date: never overdue. The design, due yesterday and not handed in, is.
    expect(brian.cells[0]).toMatchObject({ status: 'failed', bestScore: 0, latestScore: 0, attemptsUsed: 2, attemptsAllowed: 2, dueAt: null, overdue: false });
    expect(brian.cells[1]).toMatchObject({ status: 'not_started', bestScore: null, latestSubmissionId: null, attemptsUsed: 0, dueAt: designDue, overdue: true });
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await t.api.get(`${path()}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}&courseVersionId=${w.versionId}`, w.coInstructor.token);
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]).toMatchObject({ traineeId: w.trainees[2].id, displayName: w.names[2], enrollmentStatus: 'active' });
    expect(second.body.items[0].cells[0]).toMatchObject({ status: 'in_progress', attemptsUsed: 1, bestScore: null });
    expect(second.body.items[0].cells[1]).toMatchObject({ status: 'not_started', overdue: true });
  });

  it('counts the due date in force for each trainee: an extension lifts the overdue flag for that trainee only', async () => {
    const extendedTo = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const granted = await t.api.post(`/api/v1/cohorts/${w.cohortId}/assessments/${w.rubricId}/exceptions`,
      { traineeIds: [w.trainees[2].id], dueAt: extendedTo, reason: 'Night shifts this week' }, w.instructor.token);
    expect(granted.status).toBe(201);
    const rows = (await t.api.get(path(), w.instructor.token)).body.items;
    const design = (traineeId: string) => rows.find((r: { traineeId: string }) => r.traineeId === traineeId).cells[1];
    expect(design(w.trainees[2].id)).toMatchObject({ dueAt: extendedTo, overdue: false });
    expect(design(w.trainees[1].id)).toMatchObject({ dueAt: designDue, overdue: true });
  });

  it('shows an exception granted: an extra attempt turns a failed quiz back into one that can still be passed', async () => {
    const granted = await t.api.post(`/api/v1/cohorts/${w.cohortId}/assessments/${w.quizId}/exceptions`,
      { traineeIds: [w.trainees[1].id], extraAttempts: 1, reason: 'Network outage' }, w.instructor.token);
    expect(granted.status).toBe(201);
    const book = await t.api.get(path(), admin.token);
    const brian = book.body.items.find((r: { traineeId: string }) => r.traineeId === w.trainees[1].id);
    expect(brian.cells[0]).toMatchObject({ status: 'graded', attemptsUsed: 2, attemptsAllowed: 3, exception: { dueAt: null, extraAttempts: 1 } });
  });

  it('exports every trainee as CSV: a named file, one column group per assessment, names made safe for spreadsheets', async () => {
    const csv = await t.api.get(`${path()}?format=csv`, w.instructor.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="gradebook-${w.cohortId}-v${w.version}.csv"`);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Trainee,Trainee id,Enrollment status,' +
        'Network basics — status,Network basics — best (of 100),Network basics — latest,Network basics — attempts,Network basics — due,Network basics — overdue,Network basics — days late,Network basics — exception,' +
        'Landing page — status,Landing page — best (of 100),Landing page — latest,Landing page — attempts,Landing page — due,Landing page — overdue,Landing page — days late,Landing page — exception',
    );
    expect(lines[1]).toBe(`Ana Pérez,${w.trainees[0].id},active,passed,100,100,1/2,,,0,,awaiting_review,,,1/1,${designDue},,2,`);
    expect(lines[2]).toBe(`Brian Young,${w.trainees[1].id},active,graded,0,0,2/3,,,0,1 extra attempt,not_started,,,0/1,${designDue},overdue,0,`);
    // A name that a spreadsheet would run as a formula is kept behind a quote mark.
    expect(lines[3].startsWith(`"'=HYPERLINK(""http://evil.example"")",${w.trainees[2].id},active,in_progress,`)).toBe(true);
  });

  it('is for admins and the cohort’s instructors only: others get 404 (not theirs) or 403 (no such role)', async () => {
    const cases: Array<[string, string | undefined, number]> = [
      ['the cohort’s instructor', w.instructor.token, 200],
      ['its co-instructor', w.coInstructor.token, 200],
      ['an admin', admin.token, 200],
      ['an instructor of another cohort', w.stranger.token, 404],
      ['a trainee of the cohort', w.trainees[0].token, 403],
      ['a reviewer', w.reviewer.token, 403],
      ['nobody signed in', undefined, 401],
    ];
    for (const [who, token, status] of cases) {
      expect({ who, status: (await t.api.get(path(), token)).status }).toEqual({ who, status });
      expect({ who, csv: (await t.api.get(`${path()}?format=csv`, token)).status }).toEqual({ who, csv: status });
    }
    expect((await t.api.get(path(randomUUID()), admin.token)).status).toBe(404);
    expect((await t.api.get(path(randomUUID()), w.instructor.token)).status).toBe(404);
  });

  it('asks which course version when the cohort runs several, and shows each one’s own trainees and assessments', async () => {
    const two = await buildGradebookWorld(t.api, admin, ['Carla Díaz'], { secondCourse: true });
    const unnamed = await t.api.get(path(two.cohortId), two.instructor.token);
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.type).toMatch(/course-version-required$/);
    expect([...unnamed.body.courseVersionIds].sort()).toEqual([two.versionId, two.second!.versionId].sort());
    const brand = await t.api.get(`${path(two.cohortId)}?courseVersionId=${two.second!.versionId}`, two.instructor.token);
    expect(brand.body.assessments.map((a: { title: string }) => a.title)).toEqual(['Brand kit']);
    expect(brand.body.items.map((r: { displayName: string }) => r.displayName)).toEqual(['Dana Cruz']);
    // A version of another cohort is not this cohort's.
    expect((await t.api.get(`${path()}?courseVersionId=${two.second!.versionId}`, w.instructor.token)).body.type).toMatch(/course-version-not-in-cohort$/);
  });

  it('refuses bad queries with a problem naming the rule', async () => {
    const cases: Array<[string, number, RegExp?]> = [
      ['courseVersionId=not-a-uuid', 400],
      [`courseVersionId=${randomUUID()}`, 422, /course-version-not-in-cohort$/],
      ['format=xlsx', 400],
      ['limit=0', 400],
      ['limit=101', 400],
      ['cursor=garbage', 400, /invalid-cursor$/],
      ['unknown=1', 400],
    ];
    for (const [query, status, type] of cases) {
      const answer = await t.api.get(`${path()}?${query}`, w.instructor.token);
      expect({ query, status: answer.status }).toEqual({ query, status });
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      if (type) expect(answer.body.type).toMatch(type);
    }
  });
});
