import { composeJobId } from '@gds/queue';
import { createUser, TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import {
  AssessmentFakes, authorAssessment, enrollAnother, instructorWithModule, outboxRows, publishAndEnroll, QUIZ_RIGHT, QUIZ_SECRETS, QUIZ_WRONG,
  quizBody, startAssessmentApp, waitForSubmission,
} from './support/assessment-builders';

const DAY = 86_400_000;

describe('assessments: authoring, submission and grading', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp());
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  describe('authoring', () => {
    it('lets the course’s editor attach, edit and delete an assessment with its key', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const created = await t.api.post(`/api/v1/modules/${module.moduleId}/assessments`, quizBody({ skillCodes: ['net.basics'] }), instructor.token);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'quiz', maxScore: 100, passMark: 50, attemptsAllowed: 3, skillCodes: ['net.basics'] });
      expect(created.body.key.questions[0].correct).toEqual(['b']);
      const edited = await t.api.patch(`/api/v1/assessments/${created.body.id}`, { title: 'Renamed', passMark: 60 }, instructor.token);
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Renamed', passMark: 60 });
      expect((await t.api.get(`/api/v1/assessments/${created.body.id}`, instructor.token)).body.key).toBeDefined();
      expect((await t.api.delete(`/api/v1/assessments/${created.body.id}`, instructor.token)).status).toBe(204);
      expect((await t.api.get(`/api/v1/assessments/${created.body.id}`, instructor.token)).status).toBe(404);
    });

    it('refuses other instructors (404), trainees (403) and bad input (4xx), storing nothing', async () => {
      const { module } = await instructorWithModule(t, fakes, admin);
      const other = await createUser(t.api, admin.token, ['instructor']);
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const owner = { token: '' };
      const editor = await createUser(t.api, admin.token, ['instructor']);
      fakes.drafts.modules.get(module.moduleId)!.editorIds.push(editor.id);
      owner.token = editor.token;
      const before = await count('assessment');
      const post = (body: unknown, token: string) => t.api.post(`/api/v1/modules/${module.moduleId}/assessments`, body, token);
      expect((await post(quizBody(), other.token)).status).toBe(404);
      expect((await post(quizBody(), trainee.token)).status).toBe(403);
      const badKey = await post(quizBody({ key: { questions: [{ id: 'q1', type: 'single', prompt: 'x', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correct: ['z'] }] } }), owner.token);
      expect(badKey.status).toBe(422);
      expect(badKey.body.type).toMatch(/invalid-key$/);
      expect(badKey.headers.get('content-type')).toMatch(/problem\+json/);
      const sql = await post(quizBody({ kind: 'sql', key: { dataset: 'x' } }), owner.token);
      expect(sql.status).toBe(422);
      // The SQL grader is installed: a malformed dataset is refused by its key validation.
      expect(sql.body.type).toMatch(/invalid-sql-key$/);
      expect((await post(quizBody({ passMark: 101 }), owner.token)).status).toBe(422);
      expect((await post(quizBody({ surprise: true }), owner.token)).status).toBe(400);
      expect((await post(quizBody({ kind: 'essay' }), owner.token)).status).toBe(400);
      expect((await post(quizBody({ maxScore: -1 }), owner.token)).status).toBe(400);
      expect((await post(quizBody({ latePolicy: 'penalty' }), owner.token)).status).toBe(422);
      expect((await post(quizBody({ weight: null }), owner.token)).status).toBe(400);
      expect(await count('assessment')).toBe(before);
      const id = await authorAssessment(t.api, editor, module.moduleId, quizBody());
      for (const patch of [{ title: null }, { kind: null }, { key: null }, { attemptsAllowed: 0 }, { maxScore: 10 }]) {
        const answer = await t.api.patch(`/api/v1/assessments/${id}`, patch, editor.token);
        expect([400, 422]).toContain(answer.status);
      }
      expect((await t.api.patch(`/api/v1/assessments/${id}`, { title: 'x' }, other.token)).status).toBe(404);
      expect((await t.api.get(`/api/v1/assessments/${id}`, editor.token)).body).toMatchObject({ title: 'Network basics', maxScore: 100 });
      const cohortId = '00000000-0000-4000-8000-000000000002';
      fakes.enrollments.addInstructor(cohortId, editor.id);
      const badCursor = Buffer.from(JSON.stringify({ at: 'nope', id: 'x' })).toString('base64url');
      expect((await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue?cursor=${badCursor}`, editor.token)).status).toBe(400);
    });
  });

  describe('submitting a quiz', () => {
    it('answers 202 queued and the worker grades it within seconds, reporting to progress and the trainee', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
      const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module);
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(submitted.status).toBe(202);
      expect(submitted.body).toEqual({ id: expect.any(String), status: 'queued', url: `/api/v1/submissions/${submitted.body.id}` });
      const graded = await waitForSubmission(t.api, trainee.token, submitted.body.id);
      expect(graded).toMatchObject({ score: 100, maxScore: 100, passed: true, lateDays: 0 });
      const [event] = await outboxRows(t, 'assessment-graded', submitted.body.id);
      expect(event.job_id).toBe(composeJobId('assessment-graded', submitted.body.id, String(event.payload.gradedAt)));
      expect(event.payload).toEqual({ submissionId: submitted.body.id, enrollmentId: enrollment.enrollmentId, assessmentId: id, traineeId: trainee.id, passed: true, score: 100, maxScore: 100, gradedAt: expect.any(String) });
      const [notice] = await outboxRows(t, 'notify', submitted.body.id);
      expect(notice.payload).toMatchObject({ type: 'submission-graded', recipientIds: [trainee.id] });
      const grading = await outboxRows(t, 'grade-submission', submitted.body.id);
      expect(grading.map((g) => g.job_id)).toEqual([`grade-submission.${submitted.body.id}`]);
      // Once the course is completed the trainee still reads the quiz and the submission, but submits no more
      // (the authorization matrix found completing the course hid them).
      fakes.enrollments.enrollments.set(enrollment.enrollmentId, { ...enrollment, status: 'completed' });
      const read = await t.api.get(`/api/v1/assessments/${id}`, trainee.token);
      expect(read.status).toBe(200);
      expect(read.body.submissions.map((s: { id: string }) => s.id)).toEqual([submitted.body.id]);
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token)).status).toBe(409);
    });

    it('grades with the key frozen in the trainee’s version, not the later draft', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
      const { trainee } = await publishAndEnroll(t, fakes, admin, module);
      const changed = { ...quizBody().key, questions: quizBody().key.questions.map((q) => (q.id === 'q1' ? { ...q, correct: ['a'] } : q)) };
      expect((await t.api.patch(`/api/v1/assessments/${id}`, { key: changed }, instructor.token)).status).toBe(200);
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect((await waitForSubmission(t.api, trainee.token, submitted.body.id)).score).toBe(100);
    });

    it('enforces the attempts allowed, also under parallel submissions', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ attemptsAllowed: 2 }));
      const { trainee } = await publishAndEnroll(t, fakes, admin, module);
      const answers = await Promise.all(Array.from({ length: 6 }, () => t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_WRONG }, trainee.token)));
      expect(answers.filter((a) => a.status === 202)).toHaveLength(2);
      for (const refused of answers.filter((a) => a.status !== 202)) {
        expect(refused.status).toBe(409);
        expect(refused.body.type).toMatch(/attempts-exhausted$|attempt-conflict$/);
      }
      const again = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(again.status).toBe(409);
      expect(again.body.type).toMatch(/attempts-exhausted$/);
      const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM submission WHERE assessment_id = $1', [id]);
      expect(row.n).toBe(2);
    });

    it('refuses answers of the wrong shape with 400, storing nothing', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
      const { trainee } = await publishAndEnroll(t, fakes, admin, module);
      const before = await count('submission');
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { answers: { q1: 42 } } }, trainee.token)).status).toBe(400);
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: 'b' }, trainee.token)).status).toBe(400);
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, {}, trainee.token)).status).toBe(400);
      expect(await count('submission')).toBe(before);
    });
  });

  describe('timed attempts', () => {
    it('needs a started attempt, shuffles per attempt and refuses a submission past the deadline', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ timeLimitMinutes: 30, attemptsAllowed: 2 }));
      const { trainee } = await publishAndEnroll(t, fakes, admin, module);
      const early = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(early.status).toBe(409);
      expect(early.body.type).toMatch(/attempt-not-started$/);
      const started = await t.api.post(`/api/v1/assessments/${id}/attempts`, undefined, trainee.token);
      expect(started.status).toBe(201);
      const deadline = new Date(started.body.deadlineAt).getTime() - new Date(started.body.startedAt).getTime();
      expect(deadline).toBe(30 * 60_000);
      expect(started.body.content.questions).toHaveLength(2);
      expect(JSON.stringify(started.body)).not.toContain('denial-of-service-xyzzy');
      const resumed = await t.api.post(`/api/v1/assessments/${id}/attempts`, undefined, trainee.token);
      expect(resumed.body).toEqual(started.body);
      await t.dataSource.query(`UPDATE assessment_attempt SET deadline_at = now() - interval '1 second' WHERE id = $1`, [started.body.id]);
      const late = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT, attemptId: started.body.id }, trainee.token);
      expect(late.status).toBe(422);
      expect(late.body.type).toMatch(/attempt-expired$/);
      const lateWithout = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(lateWithout.status).toBe(422);
      const second = await t.api.post(`/api/v1/assessments/${id}/attempts`, undefined, trainee.token);
      expect(second.body.attemptNumber).toBe(2);
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token)).status).toBe(202);
      const third = await t.api.post(`/api/v1/assessments/${id}/attempts`, undefined, trainee.token);
      expect(third.status).toBe(409);
    });
  });

  describe('due dates and late policy', () => {
    it('takes the late penalty per day from the score', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ dueOffsetDays: 1, latePolicy: 'penalty', latePenaltyPercentPerDay: 10 }));
      // Due one day after a cohort start 3.5 days ago: 2.5 days late, counted as 3.
      const { trainee } = await publishAndEnroll(t, fakes, admin, module, { cohortStartsAt: new Date(Date.now() - 3.5 * DAY) });
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(submitted.status).toBe(202);
      const graded = await waitForSubmission(t.api, trainee.token, submitted.body.id);
      expect(graded).toMatchObject({ lateDays: 3, score: 70, passed: true });
      expect(graded.feedback.penalty).toBe(30);
    });

    it('refuses late work when the policy is refuse, and counts the module unlock date', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ dueOffsetDays: 2, latePolicy: 'refuse' }));
      const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module, { cohortStartsAt: new Date(Date.now() - 10 * DAY) });
      const refused = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(refused.status).toBe(422);
      expect(refused.body.type).toMatch(/past-due$/);
      fakes.enrollments.setUnlock(enrollment.enrollmentId, module.moduleId, new Date(Date.now() - DAY));
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token)).status).toBe(202);
    });
  });

  describe('who sees what', () => {
    it('a trainee never sees keys nor another trainee’s submission; instructors of other cohorts are refused', async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
      const { trainee, enrollment, cohortId } = await publishAndEnroll(t, fakes, admin, module);
      const classmate = await enrollAnother(t, fakes, admin, enrollment);
      const outsider = await createUser(t.api, admin.token, ['trainee']);
      const cohortInstructor = await createUser(t.api, admin.token, ['instructor']);
      const otherInstructor = await createUser(t.api, admin.token, ['instructor']);
      fakes.enrollments.addInstructor(cohortId, cohortInstructor.id);
      fakes.enrollments.addInstructor('00000000-0000-4000-8000-000000000001', otherInstructor.id);

      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_WRONG }, trainee.token);
      await waitForSubmission(t.api, trainee.token, submitted.body.id);
      const traineeReads = [
        await t.api.get(`/api/v1/assessments/${id}`, trainee.token),
        await t.api.post(`/api/v1/assessments/${id}/attempts`, undefined, classmate.trainee.token),
        await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token),
        await t.api.get(`/api/v1/assessments/${id}`, classmate.trainee.token),
      ];
      for (const read of traineeReads) {
        expect(read.status).toBeLessThan(300);
        for (const secret of QUIZ_SECRETS) expect(read.text).not.toContain(secret);
      }
      expect(traineeReads[0].body.content.questions).toHaveLength(2);
      expect(traineeReads[0].body.key).toBeUndefined();

      expect((await t.api.get(`/api/v1/submissions/${submitted.body.id}`, classmate.trainee.token)).status).toBe(404);
      expect((await t.api.get(`/api/v1/assessments/${id}`, outsider.token)).status).toBe(404);
      expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, outsider.token)).status).toBe(404);
      expect((await t.api.get(`/api/v1/submissions/${submitted.body.id}`, otherInstructor.token)).status).toBe(404);
      const seen = await t.api.get(`/api/v1/submissions/${submitted.body.id}`, cohortInstructor.token);
      expect(seen.status).toBe(200);
      expect(seen.body.traineeId).toBe(trainee.id);
      expect(seen.body.grades).toHaveLength(1);
      // A trainee who completed the course still reads the work, but can no longer change it.
      fakes.enrollments.enrollments.get(enrollment.enrollmentId)!.status = 'completed';
      expect((await t.api.get(`/api/v1/assessments/${id}`, trainee.token)).status).toBe(200);
      const late = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
      expect(late.status).toBe(409);
      expect(late.body.type).toMatch(/enrollment-not-active$/);
      fakes.enrollments.enrollments.get(enrollment.enrollmentId)!.status = 'withdrawn';
      expect((await t.api.get(`/api/v1/assessments/${id}`, trainee.token)).status).toBe(404);
    });
  });
});
