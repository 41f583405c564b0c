import { randomBytes } from 'node:crypto';
import type { ApiHelper, Person } from './api-helper.ts';
import { startCohort } from './learning-world.ts';

const DAY = 24 * 3600 * 1000;

export interface EditorsWorld {
  courseTitle: string;
  timedQuiz: { id: string; title: string };
  flag: { id: string; title: string; value: string };
  config: { id: string; title: string };
  design: { id: string; title: string };
  trainee: Person;
}

/**
 * A running cohort whose one module holds the kinds of assessment the main journeys do not take:
 * a timed quiz (5 minutes), a flag challenge with a hint, a configuration review and a design task
 * graded with a rubric; a trainee accepted into it. Built by the admin over the API. The trainee's
 * own flag is asked of the editors' route, as the lab environment that plants it would.
 */
export async function buildEditorsWorld(api: ApiHelper): Promise<EditorsWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const courseTitle = `Operations Practice ${tag}`;
  const course = await api.call('POST', '/api/v1/courses', admin, {
    code: `ops-${tag}`, title: courseTitle, summary: 'Timed checks, a capture, a review and a design.', trackCode: 'cloud-engineering', level: 'beginner', estimatedHours: 8,
  });
  const module = await api.call('POST', `/api/v1/courses/${course.id}/modules`, admin, { title: 'Practice' });
  await api.call('POST', `/api/v1/modules/${module.id}/lessons`, admin, { kind: 'article', title: 'Before you start', body: 'Each exercise says how it is graded.' });
  const add = (body: Record<string, unknown>) => api.call('POST', `/api/v1/modules/${module.id}/assessments`, admin, { required: false, ...body });
  const timedQuiz = await add({
    kind: 'quiz', title: 'Timed check: ports', maxScore: 10, passMark: 5, attemptsAllowed: 2, timeLimitMinutes: 5,
    key: {
      questions: [{ id: 'q1', type: 'single', prompt: 'Which port does SSH use?', points: 1, options: [{ id: 'a', text: '22' }, { id: 'b', text: '443' }], correct: ['a'] }],
      shuffleQuestions: false,
      shuffleOptions: false,
    },
  });
  const flag = await add({
    kind: 'flag', title: 'Find the beaconing host', maxScore: 100, passMark: 50, attemptsAllowed: 3,
    instructions: 'Open the capture in the lab and submit the flag planted in the DNS query of the infected host.',
    key: { flags: [{ id: 'dns', label: 'Flag in the DNS query', points: 100 }], hints: [{ id: 'h1', text: 'Filter on dns.qry.name and look at the newest domain.', cost: 10 }] },
  });
  const config = await add({
    kind: 'config', title: 'Review: the reports bucket', maxScore: 10, passMark: 10, attemptsAllowed: 3,
    instructions: 'Submit the bucket settings (JSON or YAML): owned by the reporting team, never public.',
    key: {
      format: 'auto',
      rules: [
        { id: 'owner', check: 'equals', path: '$.owner', value: 'reporting', points: 5, message: 'Set the owner to the reporting team.' },
        { id: 'public', check: 'equals', path: '$.public', value: false, points: 5, message: 'Keep the bucket private.' },
      ],
    },
  });
  const design = await add({
    kind: 'rubric', title: 'Leave-booking flow: prototype and report', maxScore: 100, passMark: 60,
    instructions: 'Share a link to your prototype and a short report of three moderated tests.',
    key: {
      criteria: [
        { id: 'flow', title: 'The flow covers errors and empty states', levels: [{ label: 'missing', points: 0 }, { label: 'complete', points: 50 }] },
        { id: 'a11y', title: 'Contrast, focus states and labels', levels: [{ label: 'missing', points: 0 }, { label: 'complete', points: 50 }] },
      ],
    },
  });
  const version = await api.call('POST', `/api/v1/courses/${course.id}/publish`, admin, {});
  const now = Date.now();
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: `Late Shift ${tag}`, courseVersionIds: [version.versionId ?? version.id], capacity: 30,
    applicationsOpenAt: new Date(now - 3600_000).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [], questions: [],
  });
  await api.call('POST', `/api/v1/cohorts/${cohort.id}/status`, admin, { status: 'accepting_applications' });
  const trainee = await api.registerTrainee('Omar Ops');
  const token = await api.tokenOf(trainee.email, trainee.password);
  const application = await api.call('POST', `/api/v1/cohorts/${cohort.id}/applications`, token, { statement: 'I keep our servers running at night.' });
  await api.call('POST', `/api/v1/applications/${application.id}/decision`, admin, { decision: 'accept', reason: 'Clear goal' });
  await startCohort(api, admin, cohort.id);
  const planted = await api.call('GET', `/api/v1/assessments/${flag.id}/flags/${trainee.id}`, admin);
  return {
    courseTitle,
    timedQuiz: { id: timedQuiz.id, title: timedQuiz.title },
    flag: { id: flag.id, title: flag.title, value: planted.flags[0].flag },
    config: { id: config.id, title: config.title },
    design: { id: design.id, title: design.title },
    trainee,
  };
}
