import { HttpClient } from '@gds/testing';
import { addLesson, addModule, createCourse, publish } from './course-builders';
import { createUser, TestPerson } from './people';

/**
 * A course with one assessment of every kind, built over HTTP through the real course and cohort
 * modules: an editing instructor, a published version, a running cohort with its own instructor and
 * two directly enrolled trainees.
 */
export const SECRETS = {
  quiz: ['denial-of-service-xyzzy', '"correct":[', '"accepted"'],
  sql: ['ref-hidden-literal-77', 'referenceQuery'],
  config: ['expected-hidden-value-42', 'oneof-hidden-choice', 'schema-hidden-const'],
  rubric: ['section.hidden-selector-check'],
};

export const KEYS = {
  quiz: {
    questions: [
      { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: 'port eighty' }, { id: 'b', text: 'port four-four-three' }], correct: ['b'] },
      { id: 'q2', type: 'text', prompt: 'Name the attack that floods a server', points: 1, accepted: ['denial-of-service-xyzzy'] },
    ],
  },
  flag: { flags: [{ id: 'f1', label: 'User flag', points: 5 }, { id: 'f2', label: 'Root flag', points: 5 }], hints: [{ id: 'h1', text: 'Look at the cron jobs.', cost: 1 }] },
  sql: {
    dataset: { tables: [{ name: 'sales', columns: [{ name: 'region', type: 'text' }, { name: 'amount', type: 'integer' }], rows: [['north', 10], ['south', 20], ['west', 5]] }] },
    referenceQuery: "SELECT region, sum(amount) AS total FROM sales WHERE region <> 'ref-hidden-literal-77' GROUP BY region ORDER BY region",
  },
  config: {
    rules: [
      { id: 'owner', check: 'equals', path: '$.owner', value: 'expected-hidden-value-42', points: 1, message: 'Set the owner.' },
      { id: 'tier', check: 'oneOf', path: '$.tier', values: ['oneof-hidden-choice'], points: 1, message: 'Pick an allowed tier.' },
      { id: 'shape', check: 'schema', points: 1, message: 'Follow the standard.', schema: { type: 'object', properties: { mode: { const: 'schema-hidden-const' } }, required: ['mode'] } },
    ],
  },
  rubric: {
    criteria: [{ id: 'layout', title: 'Layout', levels: [{ label: 'weak', points: 0 }, { label: 'great', points: 10 }] }],
    design: { requiredSelectors: [{ selector: 'section.hidden-selector-check', message: 'Add the pricing section.' }] },
  },
};

/** Answers that are graded but not right, so feedback is as long as it gets. */
export const WRONG_ANSWERS = {
  quiz: { answers: { q1: 'a', q2: 'phishing' } },
  flag: { flags: ['FLAG{not-it}'] },
  sql: { query: 'SELECT region, amount FROM sales ORDER BY region' },
  config: { document: 'owner: someone\ntier: gold\nmode: other\n' },
  rubric: { text: 'My page', html: '<html><body><img src="a.png"></body></html>' },
};

export type Kind = keyof typeof KEYS;
export const KINDS = Object.keys(KEYS) as Kind[];

export interface AssessmentWorld {
  editor: TestPerson;
  cohortInstructor: TestPerson;
  trainees: TestPerson[];
  courseId: string;
  lessonId: string;
  versionId: string;
  version: number;
  cohortId: string;
  enrollmentIds: string[];
  assessments: Record<Kind, string>;
}

async function expectStatus(answer: Promise<{ status: number; body: any; text: string }>, status: number, what: string) {
  const result = await answer;
  if (result.status !== status) throw new Error(`${what} failed: ${result.status} ${result.text}`);
  return result.body;
}

export async function runningCohortWith(api: HttpClient, admin: TestPerson, versionId: string, instructorIds: string[], startsInDays = -1) {
  const now = Date.now();
  const startsAt = now + startsInDays * 86_400_000;
  const cohort = await expectStatus(api.post('/api/v1/cohorts', {
    name: `Cohort ${Math.random().toString(36).slice(2, 8)}`, courseVersionIds: [versionId], capacity: 500,
    applicationsOpenAt: new Date(now - 3_600_000).toISOString(), applicationsCloseAt: new Date(now + 7 * 86_400_000).toISOString(),
    startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 90 * 86_400_000).toISOString(),
    unlockMode: 'schedule', schedule: [], instructorIds,
  }, admin.token), 201, 'creating a cohort');
  await expectStatus(api.post(`/api/v1/cohorts/${cohort.id}/status`, { status: 'running' }, admin.token), 200, 'starting the cohort');
  return cohort.id as string;
}

export async function enrollDirectly(api: HttpClient, admin: TestPerson, cohortId: string, traineeId: string): Promise<string> {
  return (await expectStatus(api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId }, admin.token), 201, 'enrolling')).id;
}

export async function buildAssessmentWorld(api: HttpClient, admin: TestPerson, options: { dueOffsetDays?: Partial<Record<Kind, number>> } = {}): Promise<AssessmentWorld> {
  const editor = await createUser(api, admin.token, ['instructor']);
  const cohortInstructor = await createUser(api, admin.token, ['instructor']);
  const course = await createCourse(api, editor.token);
  const module = await addModule(api, editor.token, course.id, { title: 'Everything' });
  const lesson = await addLesson(api, editor.token, module.id, { title: 'Read me', body: 'Lesson body' });
  const assessments = {} as Record<Kind, string>;
  for (const kind of KINDS) {
    const body = { kind, title: `The ${kind}`, maxScore: 10, passMark: 5, attemptsAllowed: 5, key: KEYS[kind], ...(options.dueOffsetDays?.[kind] ? { dueOffsetDays: options.dueOffsetDays[kind] } : {}) };
    assessments[kind] = (await expectStatus(api.post(`/api/v1/modules/${module.id}/assessments`, body, editor.token), 201, `authoring the ${kind}`)).id;
  }
  const published = await publish(api, editor.token, course.id);
  const cohortId = await runningCohortWith(api, admin, published.versionId, [cohortInstructor.id]);
  const trainees = [await createUser(api, admin.token, ['trainee']), await createUser(api, admin.token, ['trainee'])];
  const enrollmentIds: string[] = [];
  for (const trainee of trainees) enrollmentIds.push(await enrollDirectly(api, admin, cohortId, trainee.id));
  return { editor, cohortInstructor, trainees, courseId: course.id, lessonId: lesson.id, versionId: published.versionId, version: published.version, cohortId, enrollmentIds, assessments };
}
