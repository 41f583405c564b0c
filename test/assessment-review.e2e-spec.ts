import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { composeJobId, QueueRegistry } from '@gds/queue';
import { createUser, TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { FlagGrader } from '../src/assessment/graders/flag.grader';
import {
  AssessmentFakes, authorAssessment, enrollAnother, instructorWithModule, outboxRows, publishAndEnroll, QUIZ_RIGHT, quizBody,
  startAssessmentApp, waitForSubmission,
} from './support/assessment-builders';

const RUBRIC_KEY = {
  criteria: [
    { id: 'layout', title: 'Layout and hierarchy', levels: [{ label: 'weak', points: 0 }, { label: 'good', points: 5 }, { label: 'great', points: 10 }] },
    { id: 'a11y', title: 'Accessibility', levels: [{ label: 'missing', points: 0 }, { label: 'done', points: 10 }] },
  ],
};

describe('assessments: review, flags and regrades', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp());
  });
  afterAll(() => t.close());

  it('schedules the deadline scan in worker processes', async () => {
    const scheduler = await t.get<QueueRegistry>(QueueRegistry).get('maintenance').getJobScheduler('scan-deadlines');
    expect(scheduler).toMatchObject({ name: 'scan-deadlines', every: 3_600_000 });
  });

  it('rubric work waits in the cohort’s review queue and is graded criterion by criterion by its instructor', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, { kind: 'rubric', title: 'Landing page', maxScore: 100, passMark: 60, key: RUBRIC_KEY });
    const { trainee, cohortId } = await publishAndEnroll(t, fakes, admin, module);
    const cohortInstructor = await createUser(t.api, admin.token, ['instructor']);
    const otherInstructor = await createUser(t.api, admin.token, ['instructor']);
    fakes.enrollments.addInstructor(cohortId, cohortInstructor.id);

    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { text: 'My design rationale', links: ['https://figma.example/file/1'] } }, trainee.token);
    expect(submitted.status).toBe(202);
    await waitForSubmission(t.api, trainee.token, submitted.body.id, ['needs_review']);
    const [notice] = await outboxRows(t, 'notify', submitted.body.id);
    expect(notice.payload).toMatchObject({ type: 'submission-needs-review', recipientIds: [cohortInstructor.id] });

    const queue = await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue`, cohortInstructor.token);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((s: { id: string }) => s.id)).toEqual([submitted.body.id]);
    expect((await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue`, admin.token)).status).toBe(200);
    // A cohort that does not exist has no queue, not an empty one (found by the authorization matrix).
    expect((await t.api.get(`/api/v1/cohorts/${randomUUID()}/review-queue`, admin.token)).status).toBe(404);

    const review = { criteria: [{ criterionId: 'layout', points: 5, comment: 'Clear hierarchy' }, { criterionId: 'a11y', points: 10 }], comment: 'Good work' };
    expect((await t.api.post(`/api/v1/submissions/${submitted.body.id}/review`, review, trainee.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/submissions/${submitted.body.id}/review`, review, otherInstructor.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/submissions/${submitted.body.id}/review`, { criteria: [{ criterionId: 'layout', points: 5 }] }, cohortInstructor.token)).status).toBe(422);
    const graded = await t.api.post(`/api/v1/submissions/${submitted.body.id}/review`, review, cohortInstructor.token);
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({ status: 'graded', score: 75, passed: true });
    expect((await t.api.post(`/api/v1/submissions/${submitted.body.id}/review`, review, cohortInstructor.token)).status).toBe(409);
    const seen = await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token);
    expect(seen.body.feedback.criteria[0]).toMatchObject({ criterionId: 'layout', points: 5, comment: 'Clear hierarchy' });
    const reviewed = await outboxRows(t, 'assessment-graded', submitted.body.id);
    expect(reviewed.map((r) => r.job_id)).toEqual([composeJobId('assessment-graded', submitted.body.id, String(reviewed[0].payload.gradedAt))]);
    expect((await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue`, cohortInstructor.token)).body.items).toEqual([]);

    const override = await t.api.post(`/api/v1/submissions/${submitted.body.id}/override`, { score: 90, reason: 'Accessibility audit re-checked' }, cohortInstructor.token);
    expect(override.body).toMatchObject({ score: 90 });
    const history = (await t.api.get(`/api/v1/submissions/${submitted.body.id}`, cohortInstructor.token)).body.grades;
    expect(history.map((g: { score: number; previousScore: number | null; reason: string | null }) => [g.score, g.previousScore, g.reason])).toEqual([[75, null, null], [90, 75, 'Accessibility audit re-checked']]);
  });

  it('flags score per trainee: a classmate’s flag scores nothing, and revealed hints cost points', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const key = { flags: [{ id: 'user', label: 'User', points: 40 }, { id: 'root', label: 'Root', points: 60 }], hints: [{ id: 'h1', text: 'Check the robots.txt-unique-hint', cost: 10 }] };
    const id = await authorAssessment(t.api, instructor, module.moduleId, { kind: 'flag', title: 'Web box', maxScore: 100, passMark: 50, attemptsAllowed: 5, key });
    const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module);
    const classmate = await enrollAnother(t, fakes, admin, enrollment);
    const flags = t.get<FlagGrader>(FlagGrader);
    const planted = await t.api.get(`/api/v1/assessments/${id}/flags/${trainee.id}`, instructor.token);
    expect(planted.body.flags.map((f: { flag: string }) => f.flag)).toEqual([flags.flagFor(id, 'user', trainee.id), flags.flagFor(id, 'root', trainee.id)]);
    expect((await t.api.get(`/api/v1/assessments/${id}/flags/${trainee.id}`, trainee.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/assessments/${id}/flags/${trainee.id}`, classmate.trainee.token)).status).toBe(403);

    const view = await t.api.get(`/api/v1/assessments/${id}`, trainee.token);
    expect(view.text).not.toMatch(/robots|FLAG\{/);
    const shared = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { flags: [flags.flagFor(id, 'user', classmate.trainee.id)] } }, trainee.token);
    expect((await waitForSubmission(t.api, trainee.token, shared.body.id)).score).toBe(0);

    const hint = await t.api.post(`/api/v1/assessments/${id}/hints/h1/reveal`, undefined, trainee.token);
    expect(hint.status).toBe(200);
    expect(hint.body).toMatchObject({ hintId: 'h1', text: 'Check the robots.txt-unique-hint', cost: 10 });
    expect((await t.api.post(`/api/v1/assessments/${id}/hints/nope/reveal`, undefined, trainee.token)).status).toBe(404);
    const own = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { flags: [flags.flagFor(id, 'user', trainee.id), flags.flagFor(id, 'root', trainee.id)] } }, trainee.token);
    const graded = await waitForSubmission(t.api, trainee.token, own.body.id);
    expect(graded).toMatchObject({ score: 90, passed: true });
    expect(graded.feedback.penalty).toBe(10);
    const sharedView = await t.api.get(`/api/v1/submissions/${shared.body.id}`, trainee.token);
    expect(sharedView.text).not.toContain(flags.flagFor(id, 'user', trainee.id));
  });

  it('regrades every graded submission after a key fix, with progress, history and new progress events', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const wrongKey = { ...quizBody().key, questions: quizBody().key.questions.map((q) => (q.id === 'q1' ? { ...q, correct: ['a'] } : q)) };
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ key: wrongKey }));
    const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module);
    const classmate = await enrollAnother(t, fakes, admin, enrollment);
    const ids: string[] = [];
    for (const person of [trainee, classmate.trainee]) {
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, person.token);
      ids.push(submitted.body.id);
      expect((await waitForSubmission(t.api, person.token, submitted.body.id)).score).toBe(50);
    }
    expect((await t.api.patch(`/api/v1/assessments/${id}`, { key: quizBody().key }, instructor.token)).status).toBe(200);
    const fixedVersion = await fakes.versions.publish(module.courseId, [module.moduleId]);

    expect((await t.api.post(`/api/v1/assessments/${id}/regrades`, { reason: 'x' }, trainee.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/assessments/${id}/regrades`, { reason: 'wrong option marked', keyVersionId: '00000000-0000-4000-8000-000000000000' }, instructor.token)).status).toBe(422);
    const requested = await t.api.post(`/api/v1/assessments/${id}/regrades`, { reason: 'wrong option marked', keyVersionId: fixedVersion }, instructor.token);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ status: 'queued', url: `/api/v1/regrades/${requested.body.id}` });
    const done = await waitFor(async () => {
      const status = await t.api.get(requested.body.url, instructor.token);
      return status.body.status === 'finished' && status.body.jobState === 'completed' ? status.body : null;
    }, { what: 'regrade to finish', timeoutMs: 60_000 });
    expect(done).toMatchObject({ total: 2, done: 2, changed: 2, progress: 100 });
    for (const [index, person] of [trainee, classmate.trainee].entries()) {
      const after = await t.api.get(`/api/v1/submissions/${ids[index]}`, person.token);
      expect(after.body).toMatchObject({ score: 100, passed: true });
      const events = await outboxRows(t, 'assessment-graded', ids[index]);
      // One job per grade (initial, then the regrade's), each under the catalog's id of that grade.
      expect(events.map((e) => e.job_id)).toEqual(events.map((e) => composeJobId('assessment-graded', ids[index], String(e.payload.gradedAt))));
      expect(new Set(events.map((e) => e.job_id)).size).toBe(2);
    }
    const history = await t.dataSource.query('SELECT cause, score, previous_score, reason FROM grade WHERE submission_id = $1 ORDER BY created_at', [ids[0]]);
    expect(history.map((g: { cause: string; score: string; previous_score: string | null }) => [g.cause, Number(g.score), g.previous_score && Number(g.previous_score)])).toEqual([
      ['initial', 50, null],
      [`regrade:${requested.body.id}`, 100, 50],
    ]);
    expect((await t.api.get(requested.body.url, trainee.token)).status).toBe(403);
    // Staff see the version a submission was made in (its own key); its trainee does not.
    const staffView = await t.api.get(`/api/v1/submissions/${ids[0]}`, admin.token);
    expect(staffView.body.versionId).toEqual(expect.any(String));
    expect(staffView.body.versionId).not.toBe(fixedVersion);
    expect((await t.api.get(`/api/v1/submissions/${ids[0]}`, trainee.token)).body).not.toHaveProperty('versionId');
  });
});
