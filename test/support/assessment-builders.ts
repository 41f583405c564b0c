import { randomUUID } from 'node:crypto';
import { HttpClient, waitFor } from '@gds/testing';
import { EnrollmentDirectory, EnrollmentRef } from '../../src/cohort/enrollment-directory.contract';
import { DraftCourseModules, PublishContributors, PublishedCourseVersions } from '../../src/course/published-course-versions.contract';
import { FakeEnrollmentDirectory } from './fakes/enrollment-directory.fake';
import { FakePublishedCourseVersions } from './fakes/published-course-versions.fake';
import { FakeDraftCourseModules } from './fakes/draft-course-modules.fake';
import { startTestApp, TestApp, TestAppOptions } from './test-app';
import { createUser, loginAdmin, TestPerson } from './people';

/** The course and cohort modules as the assessment tests see them: in-memory fakes. */
export interface AssessmentFakes {
  enrollments: FakeEnrollmentDirectory;
  versions: FakePublishedCourseVersions;
  drafts: FakeDraftCourseModules;
}

export async function startAssessmentApp(options: TestAppOptions = {}): Promise<{ t: TestApp; fakes: AssessmentFakes; admin: TestPerson }> {
  const fakes: AssessmentFakes = {
    enrollments: new FakeEnrollmentDirectory(),
    versions: new FakePublishedCourseVersions(),
    drafts: new FakeDraftCourseModules(),
  };
  const t = await startTestApp({
    ...options,
    overrides: [
      { provide: EnrollmentDirectory, useValue: fakes.enrollments },
      { provide: PublishedCourseVersions, useValue: fakes.versions },
      { provide: DraftCourseModules, useValue: fakes.drafts },
      ...(options.overrides ?? []),
    ],
  });
  fakes.versions.contributors = t.get(PublishContributors);
  return { t, fakes, admin: await loginAdmin(t.api) };
}

export const QUIZ_KEY = {
  questions: [
    { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: 'port eighty' }, { id: 'b', text: 'port four-four-three' }], correct: ['b'] },
    { id: 'q2', type: 'text', prompt: 'Name the attack that floods a server', points: 1, accepted: ['denial-of-service-xyzzy'] },
  ],
};
/** Strings of the key that must never appear in anything a trainee reads. */
export const QUIZ_SECRETS = ['denial-of-service-xyzzy', '"correct":[', '"accepted"'];
export const QUIZ_RIGHT = { answers: { q1: 'b', q2: 'Denial-of-Service-XYZZY' } };
export const QUIZ_WRONG = { answers: { q1: 'a', q2: 'phishing' } };

export function quizBody(overrides: Record<string, unknown> = {}) {
  return { kind: 'quiz', title: 'Network basics', instructions: '# Answer all', maxScore: 100, passMark: 50, attemptsAllowed: 3, key: QUIZ_KEY, ...overrides };
}

/** An instructor editing a fresh draft module of a fresh course. */
export async function instructorWithModule(t: TestApp, fakes: AssessmentFakes, admin: TestPerson) {
  const instructor = await createUser(t.api, admin.token, ['instructor']);
  const module = fakes.drafts.addModule([instructor.id]);
  return { instructor, module };
}

export async function authorAssessment(api: HttpClient, instructor: TestPerson, moduleId: string, body: Record<string, unknown>): Promise<string> {
  const created = await api.post(`/api/v1/modules/${moduleId}/assessments`, body, instructor.token);
  if (created.status !== 201) throw new Error(`authoring failed: ${created.status} ${created.text}`);
  return created.body.id;
}

/** Publishes the module's course (freezing its assessments) and enrolls a fresh trainee in a cohort running it. */
export async function publishAndEnroll(t: TestApp, fakes: AssessmentFakes, admin: TestPerson, module: { moduleId: string; courseId: string }, options: { cohortId?: string; cohortStartsAt?: Date } = {}) {
  const versionId = await fakes.versions.publish(module.courseId, [module.moduleId]);
  const cohortId = options.cohortId ?? randomUUID();
  const trainee = await createUser(t.api, admin.token, ['trainee']);
  const enrollment = fakes.enrollments.enroll(trainee.id, versionId, { cohortId, ...(options.cohortStartsAt ? { cohortStartsAt: options.cohortStartsAt } : {}) });
  return { versionId, cohortId, trainee, enrollment };
}

export async function enrollAnother(t: TestApp, fakes: AssessmentFakes, admin: TestPerson, like: EnrollmentRef) {
  const trainee = await createUser(t.api, admin.token, ['trainee']);
  const enrollment = fakes.enrollments.enroll(trainee.id, like.courseVersionId, { cohortId: like.cohortId, cohortStartsAt: like.cohortStartsAt, cohortEndsAt: like.cohortEndsAt });
  return { trainee, enrollment };
}

export async function waitForSubmission(api: HttpClient, token: string, id: string, statuses: string[] = ['graded']) {
  return waitFor(async () => {
    const answer = await api.get(`/api/v1/submissions/${id}`, token);
    return statuses.includes(answer.body.status) ? answer.body : null;
  }, { what: `submission ${id} to be ${statuses.join('/')}`, timeoutMs: 60_000 });
}

export async function outboxRows(t: TestApp, jobName: string, like: string): Promise<Array<{ job_id: string; payload: Record<string, unknown> }>> {
  return t.dataSource.query(`SELECT job_id, payload FROM outbox_message WHERE job_name = $1 AND payload::text LIKE $2 ORDER BY created_at`, [jobName, `%${like}%`]);
}
