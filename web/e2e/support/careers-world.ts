import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import type { ApiHelper, Person } from './api-helper.ts';
import { startCohort } from './learning-world.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface CareersWorld {
  graduate: Person;
  courseTitle: string;
  quizTitle: string;
  skillName: string;
  employer: { token: string; organisationName: string };
  fair: { id: string; name: string; place: string };
  /** Three slots of the employer: 10:00–10:30, 10:15–10:45 (overlaps the first) and 11:00–11:30 on the fair's day. */
  slotIds: [string, string, string];
}

/**
 * A graduate of a running cybersecurity cohort who passed a quiz mapped to a skill and holds the
 * course's certificate; a partner organisation with an employer; a career fair two days away
 * inviting the cohort, where the employer published three slots. All over the API, as staff,
 * the graduate and the employer would.
 */
export async function buildCareersWorld(api: ApiHelper): Promise<CareersWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const courseTitle = `Security Monitoring ${tag}`;
  const quizTitle = 'Reading an alert';
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: `sec-${tag}`, title: courseTitle, summary: 'Alerts, logs and escalation.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 6,
  });
  const module = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Alerts' });
  const lesson = await api.call('POST', `/api/v1/modules/${module.id}/lessons`, admin, { kind: 'article', title: 'What an alert says', body: 'Rule, evidence, severity.' });
  const quiz = await api.call('POST', `/api/v1/modules/${module.id}/assessments`, admin, {
    kind: 'quiz', title: quizTitle, maxScore: 100, passMark: 50, attemptsAllowed: 3, skillCodes: ['CYB-SOC-01'],
    key: { questions: [{ id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], correct: ['b'] }] },
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: `Careers Cohort ${tag}`, courseVersionIds: [version.versionId ?? version.id], capacity: 30,
    applicationsOpenAt: new Date(now - HOUR).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [], questions: [],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });

  const graduate = await api.registerTrainee('Gabriela Graduate');
  const token = await api.tokenOf(graduate.email, graduate.password);
  // Times on the screens follow the person's own zone (Belize: UTC-6 all year).
  await api.call('PATCH', '/api/v1/me', token, { timeZone: 'America/Belize' });
  const application = await api.call('POST', `/api/v1/cohorts/${cohort.id}/applications`, token, { statement: 'I triage fraud alerts and want to work in a SOC.' });
  await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Clear goal' });
  await startCohort(api, admin, cohort.id);
  await api.call('POST', `/api/v1/lessons/${lesson.id}/complete`, token);
  const submission = await api.call('POST', `/api/v1/assessments/${quiz.id}/submissions`, token, { answer: { answers: { q1: 'b' } } }, 202);
  await expect.poll(async () => (await api.call('GET', `/api/v1/submissions/${submission.id}`, token)).status, { timeout: 90_000, message: 'quiz graded' }).toBe('graded');
  await expect.poll(async () => (await api.call('GET', '/api/v1/me/certificates', token)).items.length, { timeout: 90_000, message: 'certificate issued' }).toBe(1);

  const organisationName = `Cayo Cyber Services ${tag}`;
  const organisation = await api.call('POST', '/api/v1/organisations', admin, { name: organisationName }, 201);
  const employerEmail = `employer-${tag}@gds.test`;
  await api.call('POST', '/api/v1/users', admin, { email: employerEmail, password: 'employer-password-1', displayName: 'Elena Employer', roles: ['employer'], organisationId: organisation.id }, 201);
  const employerToken = await api.tokenOf(employerEmail, 'employer-password-1');

  // The fair's day two days on, from 15:00 UTC (9:00 in Belize), so the slots fall at round local hours.
  const day = new Date(now + 2 * DAY);
  day.setUTCHours(15, 0, 0, 0);
  const at = (hours: number) => new Date(day.getTime() + hours * HOUR).toISOString();
  const fairName = `Belize Digital Careers Fair ${tag}`;
  const place = 'Biltmore Hotel, Belize City';
  const fair = await api.call('POST', '/api/v1/career-fairs', admin, {
    name: fairName, startsAt: at(0), endsAt: at(6), place, onlineUrl: 'https://meet.example.org/careers-fair',
    organisationIds: [organisation.id], cohortIds: [cohort.id],
  }, 201);
  const slot = async (from: number) => (await api.call('POST', `/api/v1/career-fairs/${fair.id}/slots`, employerToken, { startsAt: at(from), endsAt: at(from + 0.5) }, 201)).id as string;
  const slotIds: [string, string, string] = [await slot(1), await slot(1.25), await slot(2)];
  return {
    graduate, courseTitle, quizTitle, skillName: 'Security monitoring',
    employer: { token: employerToken, organisationName },
    fair: { id: fair.id, name: fairName, place },
    slotIds,
  };
}
