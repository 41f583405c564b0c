import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import type { ApiHelper, Person } from './api-helper.ts';
import { QUIZ_RIGHT, startCohort } from './learning-world.ts';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** The skills the world's quiz evidences (the starter framework's, migrations/data/course-starter-skills.ts). */
export const SKILLS = { monitoring: { code: 'CYB-SOC-01', name: 'Security monitoring' }, access: { code: 'CYB-IAM-01', name: 'Identity and access management' } } as const;

export interface Graduate extends Person {
  token: string;
}

export interface TalentWorld {
  cohortId: string;
  courseCode: string;
  /** Listed graduates of the cohort, each with a certificate and both skills evidenced by a passed quiz. */
  graduates: Graduate[];
  /** An employer user of `organisationName`, and one of a rival organisation. */
  employer: Person & { token: string; organisationId: string };
  organisationName: string;
  rival: Person & { token: string };
  /** A fair tomorrow, 09:00–15:00 UTC, that the employer's organisation takes part in and the cohort is invited to. */
  fair: { id: string; name: string; startsAt: string; endsAt: string };
  reviewer: Person & { token: string };
}

/**
 * The talent pipeline's world, made through the API as people would: a cybersecurity course of one
 * lesson and one quiz evidencing two skills; a cohort of `size` trainees (the reports' k is 5, so a
 * figure of the pipeline shows only when 5 or more trainees are at a stage, or none or all are) who
 * each pass the quiz, earn the certificate and list a talent profile; two employer organisations,
 * a career fair and a reviewer.
 */
export async function buildTalentWorld(api: ApiHelper, size = 5): Promise<TalentWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const courseCode = `soc-${tag}`;
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: courseCode, title: `SOC Foundations ${tag}`, summary: 'Monitoring and access control for a security operations centre.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 10,
  });
  const module = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Watching the network' });
  const lesson = await api.call('POST', `/api/v1/modules/${module.id}/lessons`, admin, { kind: 'article', title: 'Reading an alert', body: 'An alert is a question.' });
  const quiz = await api.call('POST', `/api/v1/modules/${module.id}/assessments`, admin, {
    kind: 'quiz', title: 'Alert triage check', maxScore: 100, passMark: 50, attemptsAllowed: 3, skillCodes: [SKILLS.monitoring.code, SKILLS.access.code],
    key: { questions: [{ id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], correct: ['b'] }] },
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: `Talent Cohort ${tag}`, courseVersionIds: [version.versionId ?? version.id], capacity: 30,
    applicationsOpenAt: new Date(now - HOUR).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });

  const graduates: Graduate[] = [];
  for (let i = 0; i < size; i++) {
    const person = await api.registerTrainee(i === 0 ? `Grace Graduate ${tag}` : `Listed Graduate ${i} ${tag}`);
    const token = await api.tokenOf(person.email, person.password);
    const application = await api.call('POST', `/api/v1/cohorts/${cohort.id}/applications`, token, { statement: 'I answer calls at night and study security by day.' });
    await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Meets the criteria' });
    graduates.push({ ...person, token });
  }
  await startCohort(api, admin, cohort.id);
  for (const graduate of graduates) {
    await api.call('POST', `/api/v1/lessons/${lesson.id}/complete`, graduate.token);
    await api.call('POST', `/api/v1/assessments/${quiz.id}/submissions`, graduate.token, { answer: QUIZ_RIGHT }, 202);
  }
  for (const graduate of graduates) {
    // The worker grades the quiz; the course is then complete and certification issues the certificate.
    await expect.poll(async () => (await api.call('GET', '/api/v1/me/certificates', graduate.token)).items.length, { timeout: 90_000, message: `${graduate.displayName}'s certificate` }).toBe(1);
    await api.call('PUT', '/api/v1/me/talent-profile', graduate.token, { statement: 'Night-shift agent turned SOC analyst: I triage alerts calmly.', availability: 'immediately', preferredRoles: ['SOC analyst'] });
  }

  const organisationName = `Caribbean Cyber ${tag}`;
  const organisation = await api.call('POST', '/api/v1/organisations', admin, { name: organisationName });
  const rivalOrganisation = await api.call('POST', '/api/v1/organisations', admin, { name: `Rival Digital ${tag}` });
  const employer = { ...(await staff(api, admin, 'Hana Hiring', ['employer'], organisation.id)), organisationId: organisation.id as string };
  const rival = await staff(api, admin, 'Rex Rival', ['employer'], rivalOrganisation.id);
  const reviewer = await staff(api, admin, 'Rita Reviewer', ['reviewer']);
  const day = new Date(now + DAY).toISOString().slice(0, 10);
  const fair = await api.call('POST', '/api/v1/career-fairs', admin, {
    name: `Digital Jobs Fair ${tag}`, startsAt: `${day}T09:00:00Z`, endsAt: `${day}T15:00:00Z`, place: 'Belize City Civic Centre',
    organisationIds: [organisation.id, rivalOrganisation.id], cohortIds: [cohort.id],
  });
  return { cohortId: cohort.id, courseCode, graduates, employer, organisationName, rival, fair: { id: fair.id, name: fair.name, startsAt: fair.startsAt, endsAt: fair.endsAt }, reviewer };
}

async function staff(api: ApiHelper, admin: string, displayName: string, roles: string[], organisationId?: string): Promise<Person & { token: string }> {
  const email = `${roles[0]}-${randomBytes(4).toString('hex')}@gds.test`;
  const password = `${roles[0]}-password-1`;
  const created = await api.call('POST', '/api/v1/users', admin, { email, displayName, roles, password, ...(organisationId ? { organisationId } : {}) });
  return { id: created.id, email, password, displayName, token: await api.tokenOf(email, password) };
}

/** The pipeline of one candidate through the API, as the employer and the candidate would: viewed, shortlisted, asked, accepted, and hired. */
export async function hireThroughApi(api: ApiHelper, employerToken: string, graduate: Graduate, roleTitle: string): Promise<void> {
  await api.call('GET', `/api/v1/talent/profiles/${graduate.id}`, employerToken);
  await api.call('POST', '/api/v1/talent/shortlists', employerToken, { traineeId: graduate.id, roleTitle });
  const request = await api.call('POST', '/api/v1/talent/interview-requests', employerToken, { traineeId: graduate.id, roleTitle, message: 'Meet us next week?' }, 201);
  await api.call('POST', `/api/v1/me/interview-requests/${request.id}/answer`, graduate.token, { answer: 'accept' });
  for (const stage of ['interviewed', 'offered', 'hired']) await api.call('POST', `/api/v1/talent/interview-requests/${request.id}/outcomes`, employerToken, { stage });
}
