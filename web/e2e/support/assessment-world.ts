import { randomBytes } from 'node:crypto';
import type { ApiHelper, Person } from './api-helper.ts';
import { startCohort } from './learning-world.ts';

const DAY = 24 * 3600 * 1000;

/** The SQL exercise's table: call handle times per queue (the sandbox loads it). */
export const CALLS_QUERY = 'SELECT queue, avg(seconds)::int AS avg_seconds FROM calls GROUP BY queue ORDER BY queue';

export interface AssessmentWorld {
  courseTitle: string;
  quiz: { id: string; title: string };
  sql: { id: string; title: string };
  trainee: Person;
}

/**
 * A running cohort of a published course whose module has a two-question quiz and an SQL
 * exercise, built by the admin over the API, and a trainee already accepted into it (applied
 * through the API, as the trainee journey does through the screens).
 */
export async function buildAssessmentWorld(api: ApiHelper): Promise<AssessmentWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const courseTitle = `Call Centre Data ${tag}`;
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: `ccd-${tag}`, title: courseTitle, summary: 'Questions a contact centre asks of its data.', trackCode: 'data-analysis', level: 'beginner', estimatedHours: 10,
  });
  const module = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Asking the data' });
  await api.call('POST', `/api/v1/modules/${module.id}/lessons`, admin, { kind: 'article', title: 'Rows and columns', body: 'A table is rows of the same columns.' });
  const quiz = await api.call('POST', `/api/v1/modules/${module.id}/assessments`, admin, {
    kind: 'quiz', title: 'Check: networks basics', maxScore: 100, passMark: 50, attemptsAllowed: 2,
    key: {
      questions: [
        { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }, { id: 'c', text: '25' }], correct: ['b'] },
        { id: 'q2', type: 'multiple', prompt: 'Which ranges are private?', points: 1, partialCredit: 'all-or-nothing', options: [{ id: 'x', text: '10.0.0.0/8' }, { id: 'y', text: '8.8.8.0/24' }, { id: 'z', text: '192.168.0.0/16' }], correct: ['x', 'z'] },
      ],
      shuffleQuestions: false,
      shuffleOptions: false,
    },
  });
  const sql = await api.call('POST', `/api/v1/modules/${module.id}/assessments`, admin, {
    kind: 'sql', title: 'Average handle time per queue', maxScore: 10, passMark: 10, attemptsAllowed: 3,
    instructions: 'Return each queue with its average handle time in whole seconds, ordered by queue.',
    key: {
      dataset: { tables: [{ name: 'calls', columns: [{ name: 'queue', type: 'text' }, { name: 'seconds', type: 'integer' }], rows: [['billing', 300], ['billing', 240], ['tech', 600]] }] },
      referenceQuery: CALLS_QUERY,
      options: { statementTimeoutMs: 2000, rowCap: 50 },
    },
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: `Night Shift ${tag}`, courseVersionIds: [version.versionId ?? version.id], capacity: 30,
    applicationsOpenAt: new Date(now - 3600_000).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [], questions: [],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });
  const trainee = await api.registerTrainee('Rosa Night');
  const token = await api.tokenOf(trainee.email, trainee.password);
  const application = await api.call('POST', `/api/v1/cohorts/${cohort.id}/applications`, token, { statement: 'I answer billing calls and want to read our data.' });
  await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Clear goal' });
  await startCohort(api, admin, cohort.id);
  return { courseTitle, quiz: { id: quiz.id, title: quiz.title }, sql: { id: sql.id, title: sql.title }, trainee };
}
