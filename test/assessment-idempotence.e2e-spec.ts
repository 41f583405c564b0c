import { ClsService } from 'nestjs-cls';
import { HandledJob, JobName, QueueRegistry } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { Grading } from '../src/assessment/grading.service';
import { DeadlineReminders } from '../src/assessment/deadline-reminders.service';
import { AssessmentResults } from '../src/assessment/assessment-results.contract';
import {
  AssessmentFakes, authorAssessment, enrollAnother, instructorWithModule, outboxRows, publishAndEnroll, QUIZ_RIGHT, QUIZ_WRONG, quizBody, startAssessmentApp,
} from './support/assessment-builders';

/** An api-only app: no worker takes the jobs, so the test runs the handlers itself. */
describe('assessments: handlers run twice, schedules and results', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp({ role: 'api' }));
  });
  afterAll(() => t.close());

  function run<N extends JobName>(handler: (job: HandledJob<N>) => Promise<unknown>, name: N, data: HandledJob<N>['data']) {
    const job = { name, id: 'test', data, attemptsMade: 0, updateProgress: async () => undefined, raw: undefined as never } as HandledJob<N>;
    return t.get<ClsService>(ClsService).run(() => handler(job));
  }

  it('a grading job run twice (even at once) stores one grade and publishes its events once', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
    expect(submitted.status).toBe(202);
    const grading = t.get<Grading>(Grading);
    const handle = (job: HandledJob<'grade-submission'>) => grading.handle(job);
    await Promise.all([run(handle, 'grade-submission', { submissionId: submitted.body.id }), run(handle, 'grade-submission', { submissionId: submitted.body.id })]);
    await run(handle, 'grade-submission', { submissionId: submitted.body.id });
    const grades = await t.dataSource.query('SELECT score FROM grade WHERE submission_id = $1', [submitted.body.id]);
    expect(grades.map((g: { score: string }) => Number(g.score))).toEqual([100]);
    expect(await outboxRows(t, 'assessment-graded', submitted.body.id)).toHaveLength(1);
    expect(await outboxRows(t, 'notify', submitted.body.id)).toHaveLength(1);
    expect((await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token)).body).toMatchObject({ status: 'graded', score: 100 });
  });

  it('announces a change of evidence for a first pass only: not for a second pass of the same assessment, nor a fail after a pass', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ attemptsAllowed: 5 }));
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    const grading = t.get<Grading>(Grading);
    const submitAndGrade = async (answer: unknown) => {
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer }, trainee.token);
      expect(submitted.status).toBe(202);
      await run((job: HandledJob<'grade-submission'>) => grading.handle(job), 'grade-submission', { submissionId: submitted.body.id });
      return submitted.body.id as string;
    };
    const evidence = async () => (await outboxRows(t, 'trainee-evidence-changed', trainee.id)).length;
    await submitAndGrade(QUIZ_WRONG);
    expect(await evidence()).toBe(0);
    const first = await submitAndGrade(QUIZ_RIGHT);
    expect(await evidence()).toBe(1);
    await submitAndGrade(QUIZ_RIGHT);
    await submitAndGrade(QUIZ_WRONG);
    expect(await evidence()).toBe(1);
    // Every grade still reaches progress and the trainee.
    expect(await outboxRows(t, 'assessment-graded', trainee.id)).toHaveLength(4);
    expect(await outboxRows(t, 'notify', first)).toHaveLength(1);
  });

  it('announces a first pass while an earlier pass is being taken back by a writer that did not lock the submission FOR UPDATE', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ attemptsAllowed: 5 }));
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    const grading = t.get<Grading>(Grading);
    const submit = async (answer: unknown) => {
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer }, trainee.token);
      expect(submitted.status).toBe(202);
      return submitted.body.id as string;
    };
    const grade = (submissionId: string) => run((job: HandledJob<'grade-submission'>) => grading.handle(job), 'grade-submission', { submissionId });
    const evidence = async () => (await outboxRows(t, 'trainee-evidence-changed', trainee.id)).length;
    const first = await submit(QUIZ_RIGHT);
    await grade(first);
    expect(await evidence()).toBe(1);
    const second = await submit(QUIZ_RIGHT);

    // Another transaction takes the first pass back with a plain (no-key) update and holds it open.
    const regrade = t.dataSource.createQueryRunner();
    await regrade.connect();
    await regrade.startTransaction();
    try {
      await regrade.query('UPDATE submission SET passed = false, score = 0 WHERE id = $1', [first]);
      let finished = false;
      const grading2 = grade(second).finally(() => (finished = true));
      // The second pass's grade must wait for it (its look for an earlier pass locks that row)...
      const waiting = async () =>
        Number((await t.dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%passed_before%'`))[0].n) > 0;
      await waitFor(async () => finished || (await waiting()), { what: 'the second grade to finish or wait for the first pass\'s lock' });
      expect(finished).toBe(false);
      await regrade.commitTransaction();
      await grading2;
    } finally {
      if (regrade.isTransactionActive) await regrade.rollbackTransaction();
      await regrade.release();
    }
    // ...and, the earlier pass gone, announce itself as the trainee's pass of this assessment.
    expect(await evidence()).toBe(2);
  });

  it('marks the submission error after the last failed try, and retries before it', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
    const { trainee, versionId } = await publishAndEnroll(t, fakes, admin, module);
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
    fakes.versions.frozen.delete(`${versionId}:${id}`);
    const grading = t.get<Grading>(Grading);
    const attempt = (attemptsMade: number) => {
      const job = { name: 'grade-submission' as const, id: 'test', data: { submissionId: submitted.body.id }, attemptsMade, updateProgress: async () => undefined, raw: undefined as never };
      return t.get<ClsService>(ClsService).run(() => grading.handle(job));
    };
    await expect(attempt(0)).rejects.toThrow();
    expect((await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token)).body.status).toBe('queued');
    await expect(attempt(4)).rejects.toThrow();
    const failed = (await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token)).body;
    expect(failed).toMatchObject({ status: 'error', score: null });
    expect(failed.error).not.toMatch(/version|assessment [0-9a-f-]{36}/);
  });

  it('shows the place in the queue while queued', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
    const seen = await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token);
    expect(seen.body).toMatchObject({ status: 'queued', queuePosition: expect.any(Number) });
  });

  it('reminds each trainee once per assessment due within 48 hours and not submitted', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const soon = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ title: 'Due soon', dueOffsetDays: 2 }));
    const later = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ title: 'Due later', dueOffsetDays: 30 }));
    // Started 1 day ago: "soon" is due in 1 day, "later" in 29.
    const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module, { cohortStartsAt: new Date(Date.now() - 86_400_000) });
    const diligent = await enrollAnother(t, fakes, admin, enrollment);
    expect((await t.api.post(`/api/v1/assessments/${soon}/submissions`, { answer: QUIZ_RIGHT }, diligent.trainee.token)).status).toBe(202);
    const reminders = t.get<DeadlineReminders>(DeadlineReminders);
    const scan = (job: HandledJob<'scan-deadlines'>) => reminders.handle(job);
    await run(scan, 'scan-deadlines', {});
    await run(scan, 'scan-deadlines', {});
    const notices = await outboxRows(t, 'notify', 'deadline-approaching');
    const mine = notices.filter((n) => JSON.stringify(n.payload).includes(enrollment.enrollmentId) || JSON.stringify(n.payload).includes(diligent.enrollment.enrollmentId));
    expect(mine.map((n) => n.payload)).toEqual([expect.objectContaining({ recipientIds: [trainee.id], data: expect.objectContaining({ assessmentId: soon }) })]);
    expect(JSON.stringify(mine)).not.toContain(later);
  });

  it('schedules nothing in an api-only process', async () => {
    expect(await t.get<QueueRegistry>(QueueRegistry).get('maintenance').getJobScheduler('scan-deadlines')).toBeFalsy();
  });

  it('reports best scores, passes and the weighted course score', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const a = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ weight: 3 }));
    const b = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ weight: 1 }));
    const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module);
    const submitted = await t.api.post(`/api/v1/assessments/${a}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
    await run((job: HandledJob<'grade-submission'>) => t.get<Grading>(Grading).handle(job), 'grade-submission', { submissionId: submitted.body.id });
    const results = t.get<AssessmentResults>(AssessmentResults);
    const rows = await results.resultsOfEnrollment(enrollment.enrollmentId);
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ assessmentId: a, bestScore: 100, passed: true, attempts: 1 }),
      expect.objectContaining({ assessmentId: b, bestScore: null, passed: false, attempts: 0 }),
    ]));
    expect(await results.courseScore(enrollment.enrollmentId)).toBe(75);
  });
});
