import { waitFor } from '@gds/testing';
import { createUser, TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { AssessmentFakes, authorAssessment, instructorWithModule, publishAndEnroll, QUIZ_RIGHT, quizBody, startAssessmentApp, waitForSubmission } from './support/assessment-builders';
import { DesignCheckPool, DesignCheckUnavailableError } from '../src/assessment/graders/design-check-pool.service';
import { GradingKeyError } from '../src/assessment/graders/grader';
import { SqlGrader } from '../src/assessment/graders/sql.grader';
import { GradingFailures } from '../src/assessment/grading-failures.service';

/**
 * Answers that can never be graded get feedback on the first try; infrastructure failures are
 * retried and then end in error; a key that cannot grade ends in error at once. Every error has a
 * reason, reaches the cohort's instructors' inboxes and sits in the review queue, where an override
 * grades it. A submission whose job ended without marking it is caught by the scan.
 */
jest.setTimeout(300_000);

const CONFIG_KEY = { rules: [{ id: 'wild', check: 'noWildcard', path: '$.*', points: 1, message: 'No wildcards.' }] };
const RUBRIC_KEY = { criteria: [{ id: 'c', title: 'Layout', levels: [{ label: 'ok', points: 10 }] }] };
const SQL_KEY = { dataset: { tables: [{ name: 't', columns: [{ name: 'x', type: 'integer' }], rows: [[1]] }] }, referenceQuery: 'SELECT x FROM t' };

describe('assessments: answers that cannot be graded, and grading that fails', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;
  let designDown = false;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp());
    // The design-check pool can be made to fail as a broken thread would: infrastructure, not the page.
    const pool = t.get<DesignCheckPool>(DesignCheckPool);
    const check = pool.check.bind(pool);
    pool.check = (...args) => (designDown ? Promise.reject(new DesignCheckUnavailableError('thread could not start')) : check(...args));
  });
  afterAll(() => t.close());

  async function world(kind: string, key: unknown) {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, { kind, title: `A ${kind}`, maxScore: 10, passMark: 5, attemptsAllowed: 3, key });
    const enrolled = await publishAndEnroll(t, fakes, admin, module);
    const cohortInstructor = await createUser(t.api, admin.token, ['instructor']);
    fakes.enrollments.addInstructor(enrolled.cohortId, cohortInstructor.id);
    return { id, ...enrolled, cohortInstructor };
  }
  const failures = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM job_failure WHERE job_name LIKE 'grade%'`))[0].n;
  const grades = async (id: string) => (await t.dataSource.query('SELECT count(*)::int AS n FROM grade WHERE submission_id = $1', [id]))[0].n;

  it('grades a config whose keys hold NUL on the first try, the NUL shown as U+FFFD', async () => {
    const { id, trainee } = await world('config', CONFIG_KEY);
    const before = await failures();
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { document: '{"a\\u0000b": "s3:*"}', format: 'json' } }, trainee.token);
    expect(submitted.status).toBe(202);
    const graded = await waitForSubmission(t.api, trainee.token, submitted.body.id);
    expect(graded).toMatchObject({ status: 'graded', score: 0, error: null });
    expect(JSON.stringify(graded.feedback)).toContain('\uFFFD');
    expect(await grades(submitted.body.id)).toBe(1);
    expect(await failures()).toBe(before);
  });

  it('answers a NUL character in an answer with 400, storing nothing', async () => {
    const { id, trainee } = await world('config', CONFIG_KEY);
    const refused = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { document: 'a: "\u0000"' } }, trainee.token);
    expect(refused.status).toBe(400);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM submission WHERE assessment_id = $1', [id]))[0].n).toBe(0);
  });

  it('gives 3,000 nested elements feedback on the first try and sends them to review', async () => {
    const { id, trainee } = await world('rubric', RUBRIC_KEY);
    const html = `<html lang="en">${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}</html>`;
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { text: 'page', html } }, trainee.token);
    const waiting = await waitForSubmission(t.api, trainee.token, submitted.body.id, ['needs_review']);
    expect(waiting.feedback.lines).toEqual([expect.stringMatching(/deeper than 256 levels/)]);
  });

  it('retries an infrastructure failure, then ends in error with a reason: instructors notified, listed for review, graded by override', async () => {
    const { id, trainee, cohortId, cohortInstructor } = await world('rubric', RUBRIC_KEY);
    designDown = true;
    try {
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { text: 'page', html: '<p>hello</p>' } }, trainee.token);
      const failed = await waitForSubmission(t.api, trainee.token, submitted.body.id, ['error']);
      expect(failed.error).toBe('Grading failed 5 times; the instructors were told.');
      const inbox = await waitFor(async () => {
        const items = (await t.api.get('/api/v1/me/notifications', cohortInstructor.token)).body.items as Array<{ type: string; data: Record<string, unknown> }>;
        return items.find((n) => n.type === 'submission-grading-failed') ?? null;
      }, { what: 'the grading-failed notice in the instructor’s inbox', timeoutMs: 60_000 });
      expect(inbox.data).toMatchObject({ submissionId: submitted.body.id, cohortId, reason: expect.stringMatching(/thread could not start/) });
      const queue = await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue`, cohortInstructor.token);
      expect(queue.body.items).toEqual([expect.objectContaining({ id: submitted.body.id, status: 'error', error: failed.error })]);
      const overridden = await t.api.post(`/api/v1/submissions/${submitted.body.id}/override`, { score: 8, reason: 'Checked by hand' }, cohortInstructor.token);
      expect(overridden.body).toMatchObject({ status: 'graded', score: 8, error: null });
    } finally {
      designDown = false;
    }
  }, 180_000);

  it('ends a submission in error at once when the key cannot grade (no retries)', async () => {
    const { id, trainee, cohortInstructor } = await world('sql', SQL_KEY);
    const grader = t.get<SqlGrader>(SqlGrader);
    const spy = jest.spyOn(grader, 'grade').mockRejectedValue(new GradingKeyError('The dataset could not be loaded: relation "x" does not exist'));
    try {
      const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { query: 'SELECT 1' } }, trainee.token);
      const failed = await waitForSubmission(t.api, trainee.token, submitted.body.id, ['error']);
      expect(failed.error).toBe('The exercise could not grade this answer; the instructors were told.');
      expect(spy).toHaveBeenCalledTimes(1);
      const notice = await waitFor(async () => (await t.api.get('/api/v1/me/notifications', cohortInstructor.token)).body.items[0] ?? null, { what: 'the notice', timeoutMs: 60_000 });
      expect(notice.data.reason).toMatch(/The dataset could not be loaded/);
    } finally {
      spy.mockRestore();
    }
  });

  it('scans for submissions left queued whose grading job is over, and ends them in error', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const id = await authorAssessment(t.api, instructor, module.moduleId, quizBody());
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: QUIZ_RIGHT }, trainee.token);
    await waitForSubmission(t.api, trainee.token, submitted.body.id);
    // As if the job had finished without the database taking its write (the database was failing then).
    await t.dataSource.query(`UPDATE submission SET status = 'queued', submitted_at = now() - interval '1 hour' WHERE id = $1`, [submitted.body.id]);
    const scanned = await t.get<GradingFailures>(GradingFailures).scan(undefined, 30);
    expect(scanned.failed).toBeGreaterThanOrEqual(1);
    const after = (await t.api.get(`/api/v1/submissions/${submitted.body.id}`, trainee.token)).body;
    expect(after).toMatchObject({ status: 'error', error: 'Grading did not finish (its job is completed).' });
  });
});
