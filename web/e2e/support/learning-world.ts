import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import type { ApiHelper } from './api-helper.ts';

const DAY = 24 * 3600 * 1000;

export const QUIZ_RIGHT = { answers: { q1: 'b' } };

/** The quiz's answer key, with the option(s) marked correct (`b` as built; a regrade test marks `a`). */
export const quizKey = (correct: string[]) => ({
  questions: [{ id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], correct }],
});

export interface LearningWorld {
  courseId: string;
  cohortId: string;
  cohortName: string;
  courseTitle: string;
  quizId: string;
  lessons: { id: string; title: string }[];
  moduleTitles: [string, string];
}

/**
 * A course built and published by the admin over the API (two modules, the second needing the
 * first; three lessons, the first opening with an author's `# ` heading; a one-question quiz), and a cohort of it taking applications with two
 * questions and modules unlocked by prerequisites.
 */
export async function buildLearningWorld(api: ApiHelper): Promise<LearningWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const courseTitle = `Incident Response Basics ${tag}`;
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: `irb-${tag}`, title: courseTitle, summary: 'Triage, contain and report security incidents.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 20,
  });
  const first = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Spotting an incident' });
  const second = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Containing it', prerequisiteModuleIds: [first.id] });
  const lessons = [
    await api.call('POST', `/api/v1/modules/${first.id}/lessons`, admin, {
      kind: 'article', title: 'What an alert tells you', body: '# Reading an alert\n\nAn alert is a **question**:\n\n- which rule fired\n- on what evidence\n\n```\nsource=firewall action=deny\n```',
    }),
    await api.call('POST', `/api/v1/modules/${first.id}/lessons`, admin, {
      kind: 'video', title: 'An incident, minute by minute', body: 'Watch how a phishing report turns into an incident.', videoUrl: 'https://video.example.org/incident.mp4', durationSeconds: 420,
    }),
    await api.call('POST', `/api/v1/modules/${second.id}/lessons`, admin, { kind: 'article', title: 'Isolate the host', body: 'Cut the host off the network, keep the evidence.' }),
  ];
  const quiz = await api.call('POST', `/api/v1/modules/${first.id}/assessments`, admin, {
    kind: 'quiz', title: 'Check: spotting an incident', maxScore: 100, passMark: 50, attemptsAllowed: 3,
    key: quizKey(['b']),
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohortName = `Evening Cohort ${tag}`;
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: cohortName, courseVersionIds: [version.versionId ?? version.id], capacity: 30,
    applicationsOpenAt: new Date(now - 3600_000).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [],
    questions: [{ prompt: 'How many hours a week can you study?' }, { prompt: 'Anything we should know?', required: false }],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });
  return {
    courseId: course.id, cohortId: cohort.id, cohortName, courseTitle, quizId: quiz.id,
    lessons: lessons.map((l) => ({ id: l.id, title: l.title })), moduleTitles: ['Spotting an incident', 'Containing it'],
  };
}

/** The admin accepts a trainee's application (as admissions would) and starts the cohort. */
export async function acceptAndStart(api: ApiHelper, world: LearningWorld, applicationId: string): Promise<void> {
  const admin = await api.asAdmin();
  await api.call('POST', `/api/v1/applications/${applicationId}/decision`, admin, { decision: 'accept', reason: 'Strong motivation and study time' });
  await startCohort(api, admin, world.cohortId);
}

/** Starts a cohort as staff would: its applications are closed first (a cohort cannot start while they are open). */
export async function startCohort(api: ApiHelper, adminToken: string, cohortId: string): Promise<void> {
  await api.call('PATCH', `/api/v1/cohorts/${cohortId}`, adminToken, { applicationsCloseAt: new Date().toISOString() });
  await api.call('POST', `/api/v1/cohorts/${cohortId}/status`, adminToken, { status: 'running' });
}

/** Passes the quiz over the API (the quiz editor is the assessment screens' work) and waits for the grade. */
export async function passQuiz(api: ApiHelper, world: LearningWorld, traineeToken: string): Promise<void> {
  const submission = await api.call('POST', `/api/v1/assessments/${world.quizId}/submissions`, traineeToken, { answer: QUIZ_RIGHT }, 202);
  await expect
    .poll(async () => (await api.call('GET', `/api/v1/submissions/${submission.id}`, traineeToken)).status, { timeout: 60_000, message: 'quiz graded' })
    .toBe('graded');
}
