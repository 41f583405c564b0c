import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import type { ApiHelper, Person } from './api-helper.ts';
import { startCohort } from './learning-world.ts';

const DAY = 24 * 3600 * 1000;

export const RUBRIC_KEY = {
  criteria: [
    { id: 'layout', title: 'Layout and hierarchy', levels: [{ label: 'weak', points: 0 }, { label: 'good', points: 5 }, { label: 'great', points: 10 }] },
    { id: 'a11y', title: 'Accessibility', levels: [{ label: 'missing', points: 0 }, { label: 'done', points: 10 }] },
  ],
};

/**
 * A landing page whose image has no text alternative (the machine check reports it), with its own
 * CSS (the preview must apply it) and a script that would mark the page and message the app if it
 * ever ran (the preview must never run it).
 */
export const DESIGN_ANSWER = {
  text: 'A landing page for the evening course, mobile first.',
  links: ['https://figma.example/file/landing'],
  html:
    '<!doctype html><html lang="en"><head><title>Landing</title></head><body><main><h1>Evening course</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
    '<script>document.body.dataset.ran = "yes"; parent.postMessage("submission-script-ran", "*");</script></main></body></html>',
  css: 'h1 { color: rgb(200, 0, 0); font-size: 3rem; }',
};

export interface CohortTeachingWorld {
  cohortId: string;
  cohortName: string;
  courseTitle: string;
  designTitle: string;
  /** The course's modules, in order. */
  moduleTitles: string[];
  submissionId: string;
  instructor: Person;
  /** Did a lesson and submitted the design task. */
  active: Person;
  /** Enrolled, has done nothing yet. */
  quiet: Person;
}

/**
 * A running cohort (its instructor named) of a published course with two modules and a design task
 * graded by rubric; two trainees accepted, one of whom completed a lesson and submitted the design
 * (the machine checks it, then it waits for review). All over the API, as staff and trainees would.
 */
export async function buildCohortTeachingWorld(api: ApiHelper): Promise<CohortTeachingWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const instructor: Person = { id: '', email: `instructor-${tag}@gds.test`, password: 'instructor-password-1', displayName: 'Iris Instructor' };
  instructor.id = (await api.call('POST', '/api/v1/users', admin, { email: instructor.email, password: instructor.password, displayName: instructor.displayName, roles: ['instructor'] }, 201)).id;

  const courseTitle = `Interface Design ${tag}`;
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: `ifd-${tag}`, title: courseTitle, summary: 'Pages people can use.', trackCode: 'ui-ux-design', level: 'beginner', estimatedHours: 12,
  });
  const first = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Seeing the page' });
  const second = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Building it' });
  const lesson = await api.call('POST', `/api/v1/modules/${first.id}/lessons`, admin, { kind: 'article', title: 'Hierarchy', body: 'Big things first.' });
  await api.call('POST', `/api/v1/modules/${second.id}/lessons`, admin, { kind: 'article', title: 'Markup', body: 'Headings, landmarks, text alternatives.' });
  const designTitle = 'Design a landing page';
  const design = await api.call('POST', `/api/v1/modules/${second.id}/assessments`, admin, {
    kind: 'rubric', title: designTitle, instructions: 'Submit your page and rationale.', maxScore: 100, passMark: 60, attemptsAllowed: 2, key: RUBRIC_KEY,
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohortName = `Design Evenings ${tag}`;
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: cohortName, courseVersionIds: [version.versionId ?? version.id], capacity: 30,
    applicationsOpenAt: new Date(now - 3600_000).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [instructor.id], questions: [],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });
  const active = await api.registerTrainee('Rosa Active');
  const quiet = await api.registerTrainee('Quinn Quiet');
  for (const person of [active, quiet]) {
    const token = await api.tokenOf(person.email, person.password);
    const application = await api.call('POST', `/api/v1/cohorts/${cohort.id}/applications`, token, { statement: 'I design forms at work and want to do it well.' });
    await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Clear goal' });
  }
  await startCohort(api, admin, cohort.id);

  const activeToken = await api.tokenOf(active.email, active.password);
  await api.call('POST', `/api/v1/lessons/${lesson.id}/complete`, activeToken);
  const submission = await api.call('POST', `/api/v1/assessments/${design.id}/submissions`, activeToken, { answer: DESIGN_ANSWER }, 202);
  await expect
    .poll(async () => (await api.call('GET', `/api/v1/submissions/${submission.id}`, activeToken)).status, { timeout: 90_000, message: 'design checked and waiting for review' })
    .toBe('needs_review');
  // The progress processor has written Rosa's module states (the roster reads them).
  await expect
    .poll(async () => (await api.call('GET', `/api/v1/cohorts/${cohort.id}/roster`, admin)).items.find((i: { traineeId: string }) => i.traineeId === active.id)?.modules?.[0]?.status, {
      timeout: 60_000, message: 'module 1 done for Rosa',
    })
    .toBe('done');
  return { cohortId: cohort.id, cohortName, courseTitle, designTitle, moduleTitles: ['Seeing the page', 'Building it'], submissionId: submission.id, instructor, active, quiet };
}

export interface RegradeWorld {
  cohortId: string;
  courseId: string;
  /** Its published key (version 1) marks the wrong option, so the trainee's right answer scored 0. */
  quizId: string;
  quizTitle: string;
  submissionId: string;
  /** A co-instructor of the course (so they may regrade its assessments) who instructs the cohort. */
  instructor: Person;
  trainee: Person;
}

/**
 * A running cohort of a published course with one machine-graded quiz, its instructor also an editor
 * of the course (a regrade is the editors' to ask for), and one trainee whose wrong answer was graded.
 */
export async function buildRegradeWorld(api: ApiHelper): Promise<RegradeWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const instructor: Person = { id: '', email: `regrader-${tag}@gds.test`, password: 'instructor-password-1', displayName: 'Remy Regrader' };
  instructor.id = (await api.call('POST', '/api/v1/users', admin, { email: instructor.email, password: instructor.password, displayName: instructor.displayName, roles: ['instructor'] }, 201)).id;
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: `ports-${tag}`, title: `Ports and Protocols ${tag}`, summary: 'Which service listens where.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 2,
  });
  await api.call('PUT', `/api/v1/courses/${course.id}/co-instructors`, admin, { userIds: [instructor.id] });
  const module = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Ports' });
  const quizTitle = 'Check: ports';
  const quiz = await api.call('POST', `/api/v1/modules/${module.id}/assessments`, admin, {
    kind: 'quiz', title: quizTitle, maxScore: 100, passMark: 50, attemptsAllowed: 2,
    key: { questions: [{ id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '443' }, { id: 'b', text: '80' }], correct: ['b'] }] },
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: `Port Evenings ${tag}`, courseVersionIds: [version.versionId ?? version.id], capacity: 10,
    applicationsOpenAt: new Date(now - 3600_000).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [instructor.id], questions: [],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });
  const trainee = await api.registerTrainee('Tomas Trainee');
  const token = await api.tokenOf(trainee.email, trainee.password);
  const application = await api.call('POST', `/api/v1/cohorts/${cohort.id}/applications`, token, { statement: 'I look after the office network.' });
  await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Clear goal' });
  await startCohort(api, admin, cohort.id);
  const submission = await api.call('POST', `/api/v1/assessments/${quiz.id}/submissions`, token, { answer: { answers: { q1: 'a' } } }, 202);
  await expect
    .poll(async () => (await api.call('GET', `/api/v1/submissions/${submission.id}`, token)).status, { timeout: 90_000, message: 'quiz graded' })
    .toBe('graded');
  return { cohortId: cohort.id, courseId: course.id, quizId: quiz.id, quizTitle, submissionId: submission.id, instructor, trainee };
}
