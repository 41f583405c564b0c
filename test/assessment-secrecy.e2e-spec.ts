import { HandledJob } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { EnrollmentDirectory, EnrollmentRef } from '../src/cohort/enrollment-directory.contract';
import { FlagGrader } from '../src/assessment/graders/flag.grader';
import { DeadlineReminders } from '../src/assessment/deadline-reminders.service';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { AssessmentWorld, buildAssessmentWorld, enrollDirectly, KINDS, runningCohortWith, SECRETS, WRONG_ANSWERS } from './support/assessment-world';
import { waitForSubmission } from './support/assessment-builders';

/** Issue 5 item 9, with the real course and cohort modules: nothing a trainee can read holds a key. */
describe('assessments: keys never reach trainees; cohort instructors see their cohorts’ work', () => {
  let t: TestApp;
  let admin: TestPerson;
  let world: AssessmentWorld;
  const bodies: Array<{ route: string; text: string }> = [];
  const submissionIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    world = await buildAssessmentWorld(t.api, admin, { dueOffsetDays: { quiz: 2 } });
  });
  afterAll(() => t.close());

  /** Requests a route as trainee A and keeps its body (whatever its status) for the search. */
  async function asTrainee(method: 'get' | 'post', route: string, body?: unknown) {
    const token = world.trainees[0].token;
    const answer = method === 'get' ? await t.api.get(route, token) : await t.api.post(route, body ?? {}, token);
    expect(answer.status).toBeLessThan(500);
    bodies.push({ route: `${method.toUpperCase()} ${route} -> ${answer.status}`, text: answer.text });
    return answer;
  }

  it('requests every trainee-visible route for each kind, and finds no key, reference query, flag or expected value', async () => {
    const [traineeA, traineeB] = world.trainees;
    const flags = t.get<FlagGrader>(FlagGrader);
    const secrets = [
      ...Object.values(SECRETS).flat(),
      t.config.FLAG_SECRET,
      ...['f1', 'f2'].flatMap((f) => [traineeA, traineeB].map((p) => flags.flagFor(world.assessments.flag, f, p.id))),
    ];
    const base = `/api/v1/courses/${world.courseId}`;
    await asTrainee('get', base);
    await asTrainee('get', `${base}/versions`);
    await asTrainee('get', `${base}/versions/${world.version}`);
    await asTrainee('get', `${base}/versions/${world.version}/lessons/${world.lessonId}`);
    await asTrainee('get', '/api/v1/me/enrollments');
    await asTrainee('get', `/api/v1/enrollments/${world.enrollmentIds[0]}`);
    for (const kind of KINDS) {
      const id = world.assessments[kind];
      await asTrainee('get', `/api/v1/assessments/${id}`);
      const attempt = await asTrainee('post', `/api/v1/assessments/${id}/attempts`);
      expect(attempt.status).toBe(201);
      if (kind === 'flag') expect((await asTrainee('post', `/api/v1/assessments/${id}/hints/h1/reveal`)).status).toBe(200);
      await asTrainee('post', `/api/v1/assessments/${id}/submissions`, { answer: { wrong: 'shape' } });
      const submitted = await asTrainee('post', `/api/v1/assessments/${id}/submissions`, { answer: WRONG_ANSWERS[kind] });
      expect(submitted.status).toBe(202);
      submissionIds[kind] = submitted.body.id;
      await asTrainee('get', `/api/v1/submissions/${submitted.body.id}`);
      await waitForSubmission(t.api, traineeA.token, submitted.body.id, ['graded', 'needs_review']);
      await asTrainee('get', `/api/v1/submissions/${submitted.body.id}`);
      await asTrainee('get', `/api/v1/assessments/${id}`);
      // Routes that are not a trainee's answer 403/404 without leaking either.
      await asTrainee('get', `/api/v1/assessments/${id}/submissions`);
      await asTrainee('get', `/api/v1/assessments/${id}/flags/${traineeB.id}`);
      await asTrainee('get', `/api/v1/modules/00000000-0000-4000-8000-000000000000/assessments`);
    }
    expect(bodies.length).toBeGreaterThan(50);
    for (const { route, text } of bodies) {
      for (const secret of secrets) {
        if (text.includes(secret)) throw new Error(`${route} holds the secret ${secret}: ${text.slice(0, 500)}`);
      }
    }
    // The search itself finds secrets where they are allowed: the editor's draft view holds the key.
    const draft = await t.api.get(`/api/v1/assessments/${world.assessments.sql}`, world.editor.token);
    expect(draft.text).toContain('ref-hidden-literal-77');
  });

  it('lets a cohort instructor who does not edit the course read the assessment (with key) and the cohort’s submissions; nobody else', async () => {
    const quiz = world.assessments.quiz;
    const submissionId = submissionIds.quiz ?? (await t.api.post(`/api/v1/assessments/${quiz}/submissions`, { answer: WRONG_ANSWERS.quiz }, world.trainees[0].token)).body.id;
    const otherInstructor = await createUser(t.api, admin.token, ['instructor']);
    const reviewer = await createUser(t.api, admin.token, ['reviewer']);

    const seen = await t.api.get(`/api/v1/assessments/${quiz}`, world.cohortInstructor.token);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: quiz, kind: 'quiz', versionId: world.versionId, cohortIds: [world.cohortId] });
    expect(seen.body.key.questions[1].accepted).toEqual(['denial-of-service-xyzzy']);
    const listed = await t.api.get(`/api/v1/assessments/${quiz}/submissions?limit=10`, world.cohortInstructor.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(submissionId);
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions?cohortId=${world.cohortId}`, world.cohortInstructor.token)).body.items.length).toBe(listed.body.items.length);
    expect((await t.api.get(`/api/v1/submissions/${submissionId}`, world.cohortInstructor.token)).status).toBe(200);

    // The editor sees the draft but is not staff of the cohort; another instructor sees nothing.
    expect((await t.api.get(`/api/v1/assessments/${quiz}`, world.editor.token)).body.key).toBeDefined();
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions`, world.editor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/assessments/${quiz}`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions?cohortId=${world.cohortId}`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/submissions/${submissionId}`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions`, reviewer.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions`, world.trainees[0].token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/submissions/${submissionId}`, world.trainees[1].token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/assessments/${quiz}/submissions`, admin.token)).body.items.map((s: { id: string }) => s.id)).toContain(submissionId);
  });

  it('pages active enrollments of running cohorts only, and the deadline scan reminds from those pages', async () => {
    const directory = t.get<EnrollmentDirectory>(EnrollmentDirectory);
    const later = await runningCohortWith(t.api, admin, world.versionId, [], -1);
    const extra = await createUser(t.api, admin.token, ['trainee']);
    const extraEnrollment = await enrollDirectly(t.api, admin, later, extra.id);
    await t.api.post(`/api/v1/cohorts/${later}/status`, { status: 'completed' }, admin.token);
    const seen: string[] = [];
    for (let after: string | null = null; ; ) {
      const page: EnrollmentRef[] = await directory.activeEnrollmentsOfRunningCohorts(after, 1);
      seen.push(...page.map((e) => e.enrollmentId));
      if (page.length < 1) break;
      after = page[0].enrollmentId;
    }
    expect(seen).toEqual(expect.arrayContaining(world.enrollmentIds));
    expect(seen).toEqual([...seen].sort());
    const cohortState = (await t.api.get(`/api/v1/cohorts/${later}`, admin.token)).body.status;
    expect(cohortState).toBe('completed');
    expect(seen).not.toContain(extraEnrollment);
    expect(await directory.courseVersionsInstructedBy(world.cohortInstructor.id)).toEqual([{ cohortId: world.cohortId, courseVersionId: world.versionId }]);

    // Trainee B never submitted the quiz due in about a day: the scan reminds B, once.
    await t.get<DeadlineReminders>(DeadlineReminders).handle({ data: {} } as HandledJob<'scan-deadlines'>);
    const eventKey = `deadline:${world.enrollmentIds[1]}:${world.assessments.quiz}`;
    const rows = await waitFor(async () => {
      const found = await t.dataSource.query(`SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'eventKey' = $1`, [eventKey]);
      return found.length ? found : null;
    }, { what: 'the deadline reminder', timeoutMs: 30_000 });
    expect(rows).toHaveLength(1);
    expect(rows[0].payload.recipientIds).toEqual([world.trainees[1].id]);
  });
});
