import { publishBenchCourse } from '../../scenarios/bench-course';
import { LoadAction, LoadContext, VirtualUser } from '../load-context';

const LESSONS = 10;
const DAY = 86_400_000;
const QUIZ = {
  kind: 'quiz',
  title: 'Load quiz',
  maxScore: 100,
  passMark: 50,
  attemptsAllowed: 100,
  key: {
    questions: [
      { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], correct: ['b'] },
      { id: 'q2', type: 'text', prompt: 'Name the flood attack', points: 1, accepted: ['denial of service'] },
    ],
  },
};

/** The world the learning actions share: one published course (10 lessons and a quiz) and a running cohort every user is enrolled in. */
const world = { courseId: '', version: 1, lessonIds: [] as string[], assessmentId: '' };
/** The world once prepared (for bench/load/endpoint-cpu.ts, which fires the same requests one endpoint at a time). */
export const loadWorld = (): Readonly<typeof world> => world;
/** Submit → graded, per quiz submission, measured by polling the submission (the figure of issue 9.5). */
export const gradingLags: number[] = [];
/**
 * Per graded submission, the client's clock (epoch ms): POST sent, 202 received, and the answer of the
 * first GET that showed it graded. grading-lag-stages.ts joins them with the database's and BullMQ's
 * timestamps to split the lag into stages (the processes share the machine's clock).
 */
export interface GradingTrace {
  submissionId: string;
  sentAt: number;
  acceptedAt: number;
  seenGradedAt: number;
}
export const gradingTraces: GradingTrace[] = [];
let timeouts = 0;
/** Submissions not graded within 60 s. */
export const gradingTimeouts = () => timeouts;

async function adminPost(ctx: LoadContext, path: string, body: unknown): Promise<any> {
  const response = await fetch(ctx.api.url + path, { method: 'POST', headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

async function prepareWorld(ctx: LoadContext, users: VirtualUser[]): Promise<void> {
  console.log(`  publishing a course with ${LESSONS} lessons and a quiz; a running cohort; enrolling ${users.length} users ...`);
  const course = await publishBenchCourse(ctx.api.url, ctx.adminToken, { lessons: LESSONS, quiz: QUIZ });
  Object.assign(world, { courseId: course.courseId, lessonIds: course.lessonIds, assessmentId: course.assessmentId });
  const now = Date.now();
  const cohort = await adminPost(ctx, '/api/v1/cohorts', {
    name: `Load cohort ${Math.random().toString(36).slice(2, 8)}`,
    courseVersionIds: [course.versionId],
    capacity: users.length,
    applicationsOpenAt: new Date(now - DAY).toISOString(),
    applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(),
    endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'schedule',
  });
  await adminPost(ctx, `/api/v1/cohorts/${cohort.id}/status`, { status: 'running' });
  for (let i = 0; i < users.length; i += 10) {
    await Promise.all(users.slice(i, i + 10).map(async (user) => {
      const me = await fetch(`${ctx.api.url}/api/v1/me`, { headers: { authorization: `Bearer ${user.accessToken}` } }).then((r) => r.json() as Promise<{ id: string }>);
      await adminPost(ctx, `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: me.id });
    }));
  }
}

let prepared: Promise<void> | undefined;

/** The catalogue: the course list, then one course and its outline. */
export const browseCatalogue: LoadAction = {
  name: 'browse catalogue',
  weight: 4,
  prepare: (ctx, users) => (prepared ??= prepareWorld(ctx, users)),
  async run(ctx, user) {
    await ctx.call('GET /courses', 'GET', '/api/v1/courses', { token: user.accessToken });
    await ctx.call('GET /courses/:id', 'GET', `/api/v1/courses/${world.courseId}`, { token: user.accessToken });
    await ctx.call('GET /courses/:id/versions/:version', 'GET', `/api/v1/courses/${world.courseId}/versions/${world.version}`, { token: user.accessToken });
  },
};

/** Reading a lesson of the enrolled version (its body). */
export const openLesson: LoadAction = {
  name: 'open lessons',
  weight: 6,
  prepare: (ctx, users) => (prepared ??= prepareWorld(ctx, users)),
  async run(ctx, user) {
    const lessonId = world.lessonIds[Math.floor(Math.random() * world.lessonIds.length)];
    await ctx.call('GET /courses/:id/versions/:version/lessons/:lessonId', 'GET', `/api/v1/courses/${world.courseId}/versions/${world.version}/lessons/${lessonId}`, { token: user.accessToken });
  },
};

/**
 * Marking the next lesson done, then reading one's progress. The last lesson is never completed:
 * a trainee with every lesson done and the quiz passed has completed the course (enrollment
 * `completed`), after which lessons and the quiz are no longer theirs (403/404, rightly). After the
 * ninth lesson the action marks the ninth again (idempotent).
 */
export const completeLesson: LoadAction = {
  name: 'complete lessons',
  weight: 3,
  prepare: (ctx, users) => (prepared ??= prepareWorld(ctx, users)),
  async run(ctx, user) {
    const next = Math.min(Number(user.state.lessonsDone ?? 0), world.lessonIds.length - 2);
    const answer = await ctx.call('POST /lessons/:id/complete', 'POST', `/api/v1/lessons/${world.lessonIds[next]}/complete`, { token: user.accessToken });
    if (answer.status === 200) user.state.lessonsDone = next + 1;
    await ctx.call('GET /me/enrollments', 'GET', '/api/v1/me/enrollments', { token: user.accessToken });
  },
};

/** Submitting the quiz (202), then polling the submission until graded: the grading lag. */
export const submitQuiz: LoadAction = {
  name: 'submit quizzes',
  weight: 1,
  prepare: (ctx, users) => (prepared ??= prepareWorld(ctx, users)),
  async run(ctx, user) {
    const answers = user.index % 2 ? { q1: 'b', q2: 'Denial of Service' } : { q1: 'a', q2: 'phishing' };
    const started = Date.now();
    const sent = await ctx.call('POST /assessments/:id/submissions', 'POST', `/api/v1/assessments/${world.assessmentId}/submissions`, { token: user.accessToken, body: { answer: { answers } }, expect: [202] });
    if (sent.status !== 202) return;
    const acceptedAt = Date.now();
    for (;;) {
      const view = await ctx.call('GET /submissions/:id', 'GET', `/api/v1/submissions/${sent.body.id}`, { token: user.accessToken });
      if (view.body?.status === 'graded') {
        const seenGradedAt = Date.now();
        gradingLags.push(seenGradedAt - started);
        gradingTraces.push({ submissionId: sent.body.id, sentAt: started, acceptedAt, seenGradedAt });
        return;
      }
      if (Date.now() - started > 60_000) {
        timeouts++;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
  summary() {
    const sorted = [...gradingLags].sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : '—');
    return `Grading lag (POST submission → GET shows graded, polled every 100 ms): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted[sorted.length - 1] ?? '—'} ms over ${sorted.length} submissions; ${timeouts} not graded within 60 s.`;
  },
};
