import { HttpAnswer, waitFor } from '@gds/testing';
import type { MatrixWorld } from './authz-world';
import { courseInput } from './course-builders';
import { QUIZ_RIGHT, quizBody } from './assessment-builders';
import { createUser } from './people';

const DAY = 86_400_000;

async function must(answer: Promise<HttpAnswer>, what: string): Promise<any> {
  const result = await answer;
  if (result.status < 200 || result.status >= 300) throw new Error(`authz world: ${what} failed: ${result.status} ${result.text.slice(0, 300)}`);
  return result.body;
}

/**
 * A published course by instructorOwn: one module with one lesson and a quiz. Records courseId,
 * moduleId, lessonId, assessmentId, versionId, version.
 */
export async function publishedCourse(w: MatrixWorld): Promise<void> {
  const { api } = w;
  const token = w.people.instructorOwn.token;
  const course = await must(api.post('/api/v1/courses', courseInput({ title: 'Matrix course' }), token), 'creating the course');
  const module = await must(api.post(`/api/v1/courses/${course.id}/modules`, { title: 'Module 1' }, token), 'adding a module');
  const lesson = await must(api.post(`/api/v1/modules/${module.id}/lessons`, { title: 'Lesson 1', kind: 'article', body: '# One' }, token), 'adding a lesson');
  const assessment = await must(api.post(`/api/v1/modules/${module.id}/assessments`, quizBody({ skillCodes: ['CYB-SOC-01', 'CYB-IAM-01'] }), token), 'authoring the quiz');
  const version = await must(api.post(`/api/v1/courses/${course.id}/publish`, {}, token), 'publishing');
  for (const [name, id] of Object.entries({ courseId: course.id, moduleId: module.id, lessonId: lesson.id, assessmentId: assessment.id, versionId: version.versionId })) w.objects.set(name, id);
  w.objects.set('version', String(version.version));
}

async function cohort(w: MatrixWorld, instructorId: string, name: string): Promise<string> {
  const now = Date.now();
  const body = {
    name,
    courseVersionIds: [w.objects.get('versionId')],
    capacity: 20,
    applicationsOpenAt: new Date(now - DAY).toISOString(),
    applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(),
    endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'schedule',
    instructorIds: [instructorId],
  };
  const created = await must(w.api.post('/api/v1/cohorts', body, w.people.admin.token), `creating ${name}`);
  await must(w.api.post(`/api/v1/cohorts/${created.id}/status`, { status: 'accepting_applications' }, w.people.admin.token), `opening ${name}`);
  return created.id;
}

/**
 * Two cohorts of the course: 'cohortId' taught by instructorOwn, where trainees A and B applied
 * and are enrolled and which is running; 'otherCohortId' taught by instructorOther.
 */
export async function cohorts(w: MatrixWorld): Promise<void> {
  const { api, people } = w;
  const cohortId = await cohort(w, people.instructorOwn.id, 'Matrix cohort');
  w.objects.set('cohortId', cohortId);
  w.objects.set('otherCohortId', await cohort(w, people.instructorOther.id, 'Other cohort'));
  for (const who of ['traineeA', 'traineeB'] as const) {
    const application = await must(api.post(`/api/v1/cohorts/${cohortId}/applications`, { statement: `I am ${who}.` }, people[who].token), `${who} applying`);
    w.objects.set(`applicationOf${who.slice(-1)}`, application.id);
  }
  for (const who of ['traineeA', 'traineeB'] as const) {
    const enrollment = await must(api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId: people[who].id }, people.admin.token), `enrolling ${who}`);
    w.objects.set(`enrollmentOf${who.slice(-1)}`, enrollment.id);
  }
  await must(api.patch(`/api/v1/cohorts/${cohortId}`, { applicationsCloseAt: new Date().toISOString() }, people.admin.token), 'closing applications');
  await must(api.post(`/api/v1/cohorts/${cohortId}/status`, { status: 'running' }, people.admin.token), 'starting the cohort');
}

/** Trainee A completes the lesson and submits the quiz: 'submissionOfA' (graded when a worker runs). */
export async function workOfA(w: MatrixWorld): Promise<void> {
  const token = w.people.traineeA.token;
  await must(w.api.post(`/api/v1/lessons/${w.objects.get('lessonId')}/complete`, undefined, token), 'A completing the lesson');
  const submission = await must(w.api.post(`/api/v1/assessments/${w.objects.get('assessmentId')}/submissions`, { answer: QUIZ_RIGHT }, token), 'A submitting');
  w.objects.set('submissionOfA', submission.id);
}

/** A's first inbox item ('notificationOfA'), made by the worker from the enrollment's notify job. */
export async function notificationOfA(w: MatrixWorld): Promise<void> {
  const item = await waitFor(async () => (await w.api.get('/api/v1/me/notifications?limit=10', w.people.traineeA.token)).body.items?.[0], {
    what: "trainee A's first notification",
    timeoutMs: 60_000,
  });
  w.objects.set('notificationOfA', item.id);
}

/**
 * A's certificate ('certificateOfA', 'verificationCodeOfA'), through the real flow: the worker grades
 * A's passing quiz, the cohort module completes the course and certification issues the certificate.
 */
export async function certificateOfA(w: MatrixWorld): Promise<void> {
  const certificate = await waitFor(async () => (await w.api.get('/api/v1/me/certificates', w.people.traineeA.token)).body.items?.[0], {
    what: "trainee A's certificate",
    timeoutMs: 60_000,
  });
  w.objects.set('certificateOfA', certificate.id);
  w.objects.set('verificationCodeOfA', certificate.verificationCode);
}

/**
 * A lists a talent profile; the employer asks A to an interview ('interviewRequestOfA'); a career fair
 * of the employer for the cohort ('careerFairId'); trainee L, no caller, enrolled and listed ('listedTraineeId').
 */
export async function talentOfA(w: MatrixWorld): Promise<void> {
  const { api, people } = w;
  await must(api.put('/api/v1/me/talent-profile', { statement: 'SOC analyst in training.', availability: 'immediately', preferredRoles: ['SOC analyst'] }, people.traineeA.token), 'A listing a talent profile');
  const request = await must(api.post('/api/v1/talent/interview-requests', { traineeId: people.traineeA.id, roleTitle: 'SOC analyst', message: 'Meet us?' }, people.employer.token), 'the employer asking A to an interview');
  w.objects.set('interviewRequestOfA', request.id);
  const organisationId = (await must(api.get('/api/v1/me', people.employer.token), 'reading the employer')).organisationId;
  const now = Date.now();
  const fair = await must(api.post('/api/v1/career-fairs', {
    name: 'Matrix fair', startsAt: new Date(now + DAY).toISOString(), endsAt: new Date(now + DAY + 6 * 3_600_000).toISOString(), place: 'Belize City',
    organisationIds: [organisationId], cohortIds: [w.objects.get('cohortId')],
  }, people.admin.token), 'creating a career fair');
  w.objects.set('careerFairId', fair.id);
  const listed = await createUser(api, people.admin.token, ['trainee']);
  await must(api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: listed.id }, people.admin.token), 'enrolling trainee L');
  await must(api.put('/api/v1/me/talent-profile', { statement: 'Listed.', availability: 'immediately', preferredRoles: [] }, listed.token), 'L listing a talent profile');
  w.objects.set('listedTraineeId', listed.id);
}
