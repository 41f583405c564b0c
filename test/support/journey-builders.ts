import { HttpClient, waitFor } from '@gds/testing';
import { addLesson, addModule, createCourse, publish } from './course-builders';
import { QUIZ_RIGHT, quizBody } from './assessment-builders';
import { TestPerson } from './people';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const SQL_KEY = {
  dataset: {
    tables: [
      {
        name: 'sales',
        columns: [{ name: 'region', type: 'text' }, { name: 'amount', type: 'integer' }],
        rows: [['north', 10], ['south', 5], ['north', 7], ['east', 3]],
      },
    ],
  },
  referenceQuery: 'SELECT region, sum(amount) AS total FROM sales GROUP BY region',
};
export const SQL_RIGHT = { query: 'SELECT region, sum(amount) AS total FROM sales GROUP BY region' };
export const SQL_WRONG = { query: 'SELECT region, amount AS total FROM sales' };
export { QUIZ_RIGHT };

export interface Programme {
  courseId: string;
  versionId: string;
  /** Lessons per module, in order. */
  modules: Array<{ id: string; lessonIds: string[] }>;
  quizId: string;
  sqlId: string;
  skillCodes: [string, string];
}

async function ok(answer: Promise<{ status: number; body: any; text: string }>, want: number, what: string) {
  const result = await answer;
  if (result.status !== want) throw new Error(`${what} failed: ${result.status} ${result.text}`);
  return result.body;
}

/**
 * An instructor's data-analysis course over HTTP: two modules of two lessons, a required quiz in
 * module 1 and a required SQL exercise in module 2, published.
 */
export async function buildProgramme(api: HttpClient, instructor: TestPerson): Promise<Programme> {
  const skills: Array<{ code: string }> = await ok(api.get('/api/v1/tracks/data-analysis/skills'), 200, 'listing skills');
  const skillCodes: [string, string] = [skills[0].code, skills[1].code];
  const course = await createCourse(api, instructor.token, { trackCode: 'data-analysis', title: 'Data Analysis with SQL', summary: 'Query, summarise and present data.' });
  const modules: Programme['modules'] = [];
  for (let m = 1; m <= 2; m++) {
    const module = await addModule(api, instructor.token, course.id, { title: `Module ${m}` });
    const lessonIds: string[] = [];
    for (let l = 1; l <= 2; l++) lessonIds.push((await addLesson(api, instructor.token, module.id, { title: `Lesson ${m}.${l}`, body: `Body of ${m}.${l}` })).id);
    modules.push({ id: module.id, lessonIds });
  }
  const quiz = await ok(api.post(`/api/v1/modules/${modules[0].id}/assessments`, quizBody({ title: 'Data basics quiz', required: true, skillCodes: [skillCodes[0]] }), instructor.token), 201, 'authoring the quiz');
  const sql = await ok(
    api.post(`/api/v1/modules/${modules[1].id}/assessments`, { kind: 'sql', title: 'Sales by region', instructions: 'Total sales per region.', maxScore: 100, passMark: 100, attemptsAllowed: 3, required: true, skillCodes: [skillCodes[1]], key: SQL_KEY }, instructor.token),
    201,
    'authoring the SQL exercise',
  );
  const version = await publish(api, instructor.token, course.id, 'first cohort');
  return { courseId: course.id, versionId: version.versionId, modules, quizId: quiz.id, sqlId: sql.id, skillCodes };
}

/** An admin's cohort of the version, taught by the instructor, open for applications now and already started. */
export async function openCohort(api: HttpClient, admin: TestPerson, versionId: string, instructorIds: string[], capacity = 10, overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  const body = {
    name: `Data cohort ${Math.random().toString(36).slice(2, 8)}`,
    courseVersionIds: [versionId],
    capacity,
    applicationsOpenAt: new Date(now - HOUR).toISOString(),
    applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(),
    endsAt: new Date(now + 60 * DAY).toISOString(),
    unlockMode: 'schedule',
    schedule: [],
    instructorIds,
    ...overrides,
  };
  const cohort = await ok(api.post('/api/v1/cohorts', body, admin.token), 201, 'creating the cohort');
  await ok(api.post(`/api/v1/cohorts/${cohort.id}/status`, { status: 'accepting_applications' }, admin.token), 200, 'opening applications');
  return cohort as { id: string; name: string };
}

export async function applyTo(api: HttpClient, cohortId: string, trainee: TestPerson): Promise<string> {
  return (await ok(api.post(`/api/v1/cohorts/${cohortId}/applications`, { statement: 'I analyse data at work and want to do it well.' }, trainee.token), 201, 'applying')).id;
}

export async function decide(api: HttpClient, staff: TestPerson, applicationId: string, decision: 'accept' | 'reject' | 'shortlist', reason = 'panel decision') {
  return ok(api.post(`/api/v1/applications/${applicationId}/decision`, { decision, reason }, staff.token), 200, `deciding ${decision}`);
}

/** Moves the cohort on; starting it closes its applications first, as an admin must. */
export async function setStatus(api: HttpClient, admin: TestPerson, cohortId: string, status: string) {
  if (status === 'running') await closeApplications(api, admin.token, cohortId);
  return ok(api.post(`/api/v1/cohorts/${cohortId}/status`, { status }, admin.token), 200, `moving the cohort to ${status}`);
}

export async function completeLessons(api: HttpClient, trainee: TestPerson, lessonIds: string[]) {
  for (const id of lessonIds) await ok(api.post(`/api/v1/lessons/${id}/complete`, undefined, trainee.token), 200, `completing lesson ${id}`);
}

/** Submits and waits (60 s) for the worker's grade. */
export async function submitGraded(api: HttpClient, trainee: TestPerson, assessmentId: string, answer: unknown) {
  const submitted = await ok(api.post(`/api/v1/assessments/${assessmentId}/submissions`, { answer }, trainee.token), 202, 'submitting');
  return waitFor(async () => {
    const answer = await api.get(`/api/v1/submissions/${submitted.id}`, trainee.token);
    return answer.body.status === 'graded' ? answer.body : null;
  }, { what: `submission ${submitted.id} graded`, timeoutMs: 60_000 });
}

export async function waitForInboxTypes(api: HttpClient, person: TestPerson, types: string[]) {
  return waitFor(async () => {
    const page = await api.get('/api/v1/me/notifications?limit=100', person.token);
    const have = new Set((page.body.items as Array<{ type: string }>).map((i) => i.type));
    return types.every((t) => have.has(t)) ? page.body.items : null;
  }, { what: `inbox of ${person.email} to hold ${types.join(', ')}`, timeoutMs: 60_000 });
}

/** Closes a cohort's applications now (a cohort cannot start while they are open). */
export async function closeApplications(api: HttpClient, adminToken: string, cohortId: string) {
  const cohort = (await api.get(`/api/v1/cohorts/${cohortId}`, adminToken)).body;
  if (cohort.status !== 'accepting_applications' || Date.parse(cohort.applicationsCloseAt) <= Date.now()) return;
  return ok(api.patch(`/api/v1/cohorts/${cohortId}`, { applicationsCloseAt: new Date().toISOString() }, adminToken), 200, 'closing applications');
}

/**
 * A programme (a course with a quiz) taught by a new instructor, a cohort of it running with one new
 * trainee accepted through an application: what a test of the grading or progress path starts from.
 */
export async function runningProgrammeWithTrainee(api: HttpClient, admin: TestPerson, createPerson: (roles: string[]) => Promise<TestPerson>) {
  const instructor = await createPerson(['instructor']);
  const programme = await buildProgramme(api, instructor);
  const cohort = await openCohort(api, admin, programme.versionId, [instructor.id]);
  const trainee = await createPerson(['trainee']);
  await decide(api, instructor, await applyTo(api, cohort.id, trainee), 'accept');
  await setStatus(api, admin, cohort.id, 'running');
  const mine = (await api.get('/api/v1/me/enrollments', trainee.token)).body;
  const enrollmentId = (Array.isArray(mine) ? mine : mine.items).find((e: { cohortId: string }) => e.cohortId === cohort.id).id as string;
  return { instructor, programme, cohort, trainee, enrollmentId };
}
