import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin, TestPerson } from './support/people';
import { waitForSubmission } from './support/assessment-builders';
import { buildGradebookWorld, GradebookWorld, RUBRIC_ANSWER } from './support/gradebook-world';

const crit = (layout: number, a11y: number) => [{ criterionId: 'layout', points: layout }, { criterionId: 'a11y', points: a11y }];

/*
 * Issue 22, must have 6: the review queue split by course version and assessment, naming trainees
 * and assessments; and a review that can be corrected (a new grade with a reason, the history kept,
 * progress following the latest grade), by its reviewer or an admin only.
 */
describe('review queue and review corrections', () => {
  let t: TestApp;
  let admin: TestPerson;
  let w: GradebookWorld;
  const submissions: Record<string, string> = {};
  const queue = (query = '', token = w.instructor.token) => t.api.get(`/api/v1/cohorts/${w.cohortId}/review-queue${query}`, token);
  const correct = (id: string, body: unknown, token: string) => t.api.post(`/api/v1/submissions/${id}/review-corrections`, body, token);
  const gradeRows = async (id: string) => (await t.dataSource.query('SELECT count(*)::int AS n FROM grade WHERE submission_id = $1', [id]))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    w = await buildGradebookWorld(t.api, admin, ['Ana Pérez', 'Brian Young'], { secondCourse: true });
    const order: Array<[string, TestPerson, string]> = [['ana', w.trainees[0], w.rubricId], ['dana', w.second!.trainee, w.second!.rubricId], ['brian', w.trainees[1], w.rubricId]];
    for (const [key, trainee, assessmentId] of order) {
      const submitted = await t.api.post(`/api/v1/assessments/${assessmentId}/submissions`, { answer: RUBRIC_ANSWER }, trainee.token);
      expect(submitted.status).toBe(202);
      await waitForSubmission(t.api, trainee.token, submitted.body.id, ['needs_review']);
      submissions[key] = submitted.body.id;
    }
  });
  afterAll(() => t?.close());

  it('shows the oldest work first with the trainee’s name and the assessment’s title, and filters by course version and assessment', async () => {
    const all = await queue();
    expect(all.status).toBe(200);
    expect(all.body.items.map((s: Record<string, string>) => [s.id, s.traineeDisplayName, s.assessmentTitle, s.courseVersionId])).toEqual([
      [submissions.ana, 'Ana Pérez', 'Landing page', w.versionId],
      [submissions.dana, 'Dana Cruz', 'Brand kit', w.second!.versionId],
      [submissions.brian, 'Brian Young', 'Landing page', w.versionId],
    ]);
    expect((await queue(`?courseVersionId=${w.second!.versionId}`)).body.items.map((s: { id: string }) => s.id)).toEqual([submissions.dana]);
    expect((await queue(`?assessmentId=${w.rubricId}`)).body.items.map((s: { id: string }) => s.id)).toEqual([submissions.ana, submissions.brian]);
    expect((await queue(`?courseVersionId=${w.versionId}&assessmentId=${w.rubricId}`)).body.items.map((s: { id: string }) => s.id)).toEqual([submissions.ana, submissions.brian]);
    const first = await queue(`?assessmentId=${w.rubricId}&limit=1`);
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([submissions.ana]);
    const next = await queue(`?assessmentId=${w.rubricId}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.body.items.map((s: { id: string }) => s.id)).toEqual([submissions.brian]);
  });

  it('refuses filters the cohort does not run, and malformed ones, with a problem naming the rule', async () => {
    const cases: Array<[string, number, RegExp?]> = [
      [`?courseVersionId=${randomUUID()}`, 422, /course-version-not-in-cohort$/],
      [`?assessmentId=${randomUUID()}`, 422, /assessment-not-in-cohort$/],
      [`?courseVersionId=${w.second!.versionId}&assessmentId=${w.rubricId}`, 422, /assessment-not-in-cohort$/],
      ['?assessmentId=nope', 400],
      ['?courseVersionId=nope', 400],
      ['?cursor=garbage', 400, /invalid-cursor$/],
    ];
    for (const [query, status, type] of cases) {
      const answer = await queue(query);
      expect({ query, status: answer.status }).toEqual({ query, status });
      if (type) expect(answer.body.type).toMatch(type);
    }
  });

  it('is for the cohort’s instructors and admins only', async () => {
    const cases: Array<[string, string, number]> = [
      ['co-instructor', w.coInstructor.token, 200],
      ['admin', admin.token, 200],
      ['instructor of another cohort', w.stranger.token, 404],
      ['trainee', w.trainees[0].token, 403],
      ['reviewer', w.reviewer.token, 403],
    ];
    for (const [who, token, status] of cases) expect({ who, status: (await queue('', token)).status }).toEqual({ who, status });
  });

  it('corrects a review: a new grade with its reason, by the reviewer or an admin; the history keeps every grade; progress follows the latest', async () => {
    const id = submissions.ana;
    const body = { criteria: crit(0, 10), reason: 'Layout criterion misread: the hero overlaps the menu' };
    expect((await correct(id, body, w.instructor.token)).body.type).toMatch(/not-reviewed$/);

    const reviewed = await t.api.post(`/api/v1/submissions/${id}/review`, { criteria: crit(5, 10), comment: 'Good work' }, w.instructor.token);
    expect(reviewed.body).toMatchObject({ status: 'graded', score: 75, passed: true });
    const rosterOf = async () => (await t.api.get(`/api/v1/cohorts/${w.cohortId}/roster`, w.instructor.token)).body.items.find((r: { traineeId: string }) => r.traineeId === w.trainees[0].id);

    // Nobody but the reviewer or an admin corrects it, and bad bodies store nothing.
    const before = await gradeRows(id);
    const refused: Array<[string, unknown, string, number, RegExp?]> = [
      ['the co-instructor, who did not review it', body, w.coInstructor.token, 403],
      ['an instructor of another cohort', body, w.stranger.token, 404],
      ['the trainee herself', body, w.trainees[0].token, 403],
      ['a reviewer', body, w.reviewer.token, 403],
      ['no reason', { criteria: crit(0, 10) }, w.instructor.token, 400],
      ['an empty reason', { ...body, reason: '' }, w.instructor.token, 400],
      ['an unknown field', { ...body, score: 10 }, w.instructor.token, 400],
      ['a criterion missing', { ...body, criteria: [{ criterionId: 'layout', points: 0 }] }, w.instructor.token, 422, /review-incomplete$/],
      ['points above the criterion', { ...body, criteria: crit(11, 10) }, w.instructor.token, 422, /review-out-of-range$/],
      ['negative points', { ...body, criteria: crit(-1, 10) }, w.instructor.token, 400],
    ];
    for (const [what, sent, token, status, type] of refused) {
      const answer = await correct(id, sent, token);
      expect({ what, status: answer.status }).toEqual({ what, status });
      if (type) expect(answer.body.type).toMatch(type);
    }
    expect(await gradeRows(id)).toBe(before);
    expect((await correct(randomUUID(), body, w.instructor.token)).status).toBe(404);

    const corrected = await correct(id, body, w.instructor.token);
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'graded', score: 50, passed: false });
    // Progress follows the latest grade: the design now counts as failed.
    await waitFor(async () => ((await rosterOf())?.failedAssessments === 1 ? true : null), { what: 'the roster to count the corrected failure', timeoutMs: 60_000 });

    const byAdmin = await correct(id, { criteria: crit(10, 10), comment: 'Second look', reason: 'Appeal upheld by the programme' }, admin.token);
    expect(byAdmin.body).toMatchObject({ score: 100, passed: true });
    await waitFor(async () => ((await rosterOf())?.failedAssessments === 0 ? true : null), { what: 'the roster to follow the admin’s correction', timeoutMs: 60_000 });

    const detail = await t.api.get(`/api/v1/submissions/${id}`, w.instructor.token);
    expect(detail.body.grades.map((g: Record<string, unknown>) => [String(g.cause).replace(/:.*/, ''), g.score, g.previousScore, g.gradedBy, g.reason])).toEqual([
      ['review', 75, null, w.instructor.id, null],
      ['review-correction', 50, 75, w.instructor.id, body.reason],
      ['review-correction', 100, 50, admin.id, 'Appeal upheld by the programme'],
    ]);
    expect(detail.body.grades.every((g: { at: string }) => !Number.isNaN(Date.parse(g.at)))).toBe(true);
    const seen = await t.api.get(`/api/v1/submissions/${id}`, w.trainees[0].token);
    expect(seen.body.feedback).toMatchObject({ criteria: crit(10, 10), comment: 'Second look', correction: { by: admin.id, reason: 'Appeal upheld by the programme' } });
    // A submission nobody reviewed has no review to correct, whoever asks.
    expect((await correct(submissions.brian, body, admin.token)).body.type).toMatch(/not-reviewed$/);
  });
});
