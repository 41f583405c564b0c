import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { redisOptionsFromUrl } from '@gds/queue';
import { QuizGrader } from '../../src/assessment/graders/quiz.grader';

/**
 * Scenario `quiz-grading` (issue 5 item 12): quiz submissions end to end (POST -> graded) per
 * second through the running app (API, outbox, relay, BullMQ, the grading worker, Postgres),
 * against a bare baseline that does the same work with a plain BullMQ Queue + Worker and pg:
 * insert a submission row, enqueue, the worker grades it with the same QuizGrader and stores a
 * grade row. Ratio = app per second / baseline per second; the target is >= 0.5.
 *
 * `setupQuizGrading` builds the world over the API; `runQuizGrading` times the app;
 * `runBareQuizBaseline` times the baseline; `quizGradingRatio` combines them.
 */
export interface QuizGradingTokens {
  /** An admin: creates users, the cohort, and enrolls trainees directly. */
  admin: string;
  /** An instructor to author the course; created by the admin when absent. */
  instructor?: string;
}

export interface QuizGradingScenario {
  name: 'quiz-grading';
  baseUrl: string;
  adminToken: string;
  courseId: string;
  versionId: string;
  cohortId: string;
  assessmentId: string;
  trainees: Array<{ id: string; token: string }>;
  attemptsPerTrainee: number;
}

export interface QuizGradingRun {
  scenario: 'quiz-grading';
  side: 'app' | 'baseline';
  submissions: number;
  ms: number;
  /** When the last submission was accepted (app: 202; baseline: enqueued). */
  acceptedMs: number;
  perSecond: number;
}

export const QUIZ_BENCH = { trainees: 20, submissions: 1000, concurrency: 32 };

export const QUIZ_BENCH_KEY = {
  questions: [
    { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }, { id: 'c', text: '22' }], correct: ['b'] },
    { id: 'q2', type: 'multiple', prompt: 'Which are symmetric ciphers?', points: 2, partialCredit: 'per-option', options: [{ id: 'a', text: 'AES' }, { id: 'b', text: 'RSA' }, { id: 'c', text: 'ChaCha20' }], correct: ['a', 'c'] },
    { id: 'q3', type: 'numeric', prompt: 'How many bits in a byte?', points: 1, answer: 8, tolerance: 0 },
    { id: 'q4', type: 'text', prompt: 'Name the attack that floods a server', points: 1, accepted: ['denial of service', 'dos'] },
  ],
};
export const QUIZ_BENCH_ANSWER = { answers: { q1: 'b', q2: ['a', 'c'], q3: 8, q4: 'Denial of Service' } };

const DAY = 86_400_000;

async function call(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function ok(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await call(baseUrl, token, method, path, body);
  if (answer.status >= 300) throw new Error(`quiz-grading: ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function newUser(baseUrl: string, admin: string, role: string): Promise<{ id: string; token: string }> {
  const email = `bench-${role}-${randomUUID().slice(0, 12)}@bench.test`;
  const password = `bench-${randomUUID()}`;
  const created = await ok(baseUrl, admin, 'POST', '/api/v1/users', { email, displayName: `Bench ${role}`, roles: [role], password });
  const tokens = await ok(baseUrl, null, 'POST', '/api/v1/auth/login', { email, password });
  return { id: created.id, token: tokens.accessToken };
}

/** A published course with one quiz, a running cohort, and `trainees` trainees enrolled directly by the admin. */
export async function setupQuizGrading(baseUrl: string, tokens: QuizGradingTokens, options: { trainees?: number; submissions?: number } = {}): Promise<QuizGradingScenario> {
  const traineeCount = options.trainees ?? QUIZ_BENCH.trainees;
  const attemptsPerTrainee = Math.min(100, Math.ceil((options.submissions ?? QUIZ_BENCH.submissions) / traineeCount));
  const instructor = tokens.instructor ?? (await newUser(baseUrl, tokens.admin, 'instructor')).token;
  const code = `bench-quiz-${randomUUID().slice(0, 8)}`;
  const course = await ok(baseUrl, instructor, 'POST', '/api/v1/courses', {
    code, title: 'Bench quiz course', summary: 'A course for the quiz-grading benchmark.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 1,
  });
  const module = await ok(baseUrl, instructor, 'POST', `/api/v1/courses/${course.id}/modules`, { title: 'Bench module' });
  const quiz = await ok(baseUrl, instructor, 'POST', `/api/v1/modules/${module.id}/assessments`, {
    kind: 'quiz', title: 'Bench quiz', maxScore: 100, passMark: 50, attemptsAllowed: attemptsPerTrainee, key: QUIZ_BENCH_KEY,
  });
  // A second module with a lesson no trainee completes: passing the quiz must not complete the
  // course, since a completed enrollment takes no more submissions.
  const reading = await ok(baseUrl, instructor, 'POST', `/api/v1/courses/${course.id}/modules`, { title: 'Bench reading' });
  await ok(baseUrl, instructor, 'POST', `/api/v1/modules/${reading.id}/lessons`, { title: 'Read me', kind: 'article', body: '# Later' });
  const version = await ok(baseUrl, instructor, 'POST', `/api/v1/courses/${course.id}/publish`, {});
  const now = Date.now();
  const cohort = await ok(baseUrl, tokens.admin, 'POST', '/api/v1/cohorts', {
    name: `Bench quiz cohort ${code}`, courseVersionIds: [version.versionId], capacity: Math.max(traineeCount, 1),
    applicationsOpenAt: new Date(now - DAY).toISOString(), applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
    startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(), unlockMode: 'schedule',
  });
  await ok(baseUrl, tokens.admin, 'POST', `/api/v1/cohorts/${cohort.id}/status`, { status: 'running' });
  const trainees: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < traineeCount; i++) {
    const trainee = await newUser(baseUrl, tokens.admin, 'trainee');
    await ok(baseUrl, tokens.admin, 'POST', `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id });
    trainees.push(trainee);
  }
  return { name: 'quiz-grading', baseUrl, adminToken: tokens.admin, courseId: course.id, versionId: version.versionId, cohortId: cohort.id, assessmentId: quiz.id, trainees, attemptsPerTrainee };
}

/** POSTs `submissions` quiz answers (`concurrency` in flight, spread over the trainees) and waits until every one is graded. */
export async function runQuizGrading(scenario: QuizGradingScenario, options: { submissions?: number; concurrency?: number; timeoutMs?: number } = {}): Promise<QuizGradingRun> {
  const count = options.submissions ?? QUIZ_BENCH.submissions;
  if (count > scenario.trainees.length * scenario.attemptsPerTrainee) throw new Error('quiz-grading: more submissions than attempts set up');
  const ids = new Set<string>();
  const started = performance.now();
  await inParallel(count, options.concurrency ?? QUIZ_BENCH.concurrency, async (i) => {
    const trainee = scenario.trainees[i % scenario.trainees.length];
    const answer = await call(scenario.baseUrl, trainee.token, 'POST', `/api/v1/assessments/${scenario.assessmentId}/submissions`, { answer: QUIZ_BENCH_ANSWER });
    if (answer.status !== 202) throw new Error(`quiz-grading: submission answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    ids.add(answer.body.id);
  });
  const acceptedMs = performance.now() - started;
  const progress = { cursor: null as string | null, graded: 0 };
  await until(options.timeoutMs ?? 300_000, () => allGraded(scenario, ids, progress));
  const ms = performance.now() - started;
  return { scenario: 'quiz-grading', side: 'app', submissions: count, ms, acceptedMs, perSecond: (count * 1000) / ms };
}

/**
 * Reads the assessment's submissions as the admin, oldest first, in pages of 100: a page whose
 * submissions are all graded is counted once and never read again, so each poll costs about one
 * request and the polling adds little load to the app being measured.
 */
async function allGraded(scenario: QuizGradingScenario, ids: Set<string>, progress: { cursor: string | null; graded: number }): Promise<boolean> {
  for (;;) {
    const query: string = `limit=100${progress.cursor ? `&cursor=${encodeURIComponent(progress.cursor)}` : ''}`;
    const page = await ok(scenario.baseUrl, scenario.adminToken, 'GET', `/api/v1/assessments/${scenario.assessmentId}/submissions?${query}`);
    const items = page.items as Array<{ id: string; status: string }>;
    const failed = items.find((item) => item.status === 'error');
    if (failed) throw new Error(`quiz-grading: submission ${failed.id} failed to grade`);
    if (items.length < 100 && !page.nextCursor) return progress.graded + items.filter((i) => ids.has(i.id) && i.status === 'graded').length === ids.size;
    if (items.some((item) => item.status !== 'graded')) return false;
    progress.graded += items.filter((i) => ids.has(i.id)).length;
    progress.cursor = page.nextCursor;
    if (!progress.cursor) return progress.graded === ids.size;
  }
}

export interface BareQuizBaselineOptions {
  databaseUrl: string;
  redisUrl: string;
  count?: number;
  /** Producers in flight, as the app run's concurrency. */
  concurrency?: number;
  /** Worker concurrency, as the app's WORKER_CONCURRENCY. */
  workerConcurrency?: number;
  /** Postgres connections shared by producers and worker, as the app's DATABASE_POOL_SIZE (default 20). */
  poolSize?: number;
  timeoutMs?: number;
}

/**
 * The same work without the app: per submission a pg INSERT and a BullMQ add; a Worker loads the
 * row, grades it with the same QuizGrader, inserts the grade and marks the row graded in one
 * transaction. Its tables are created for the run and dropped after it.
 */
export async function runBareQuizBaseline(options: BareQuizBaselineOptions): Promise<QuizGradingRun> {
  const count = options.count ?? QUIZ_BENCH.submissions;
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const submissions = `bench_quiz_submission_${tag}`;
  const grades = `bench_quiz_grade_${tag}`;
  const prefix = `{benchquiz${tag}}`;
  const connection = { ...redisOptionsFromUrl(options.redisUrl), maxRetriesPerRequest: null };
  const grader = new QuizGrader();
  const key = grader.validateKey(QUIZ_BENCH_KEY);
  await pool.query(`CREATE TABLE ${submissions} (id uuid PRIMARY KEY, answer jsonb NOT NULL, status text NOT NULL, submitted_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`CREATE TABLE ${grades} (submission_id uuid PRIMARY KEY REFERENCES ${submissions}(id), score numeric NOT NULL, feedback jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const queue = new Queue('bench-quiz', { connection, prefix });
  const worker = new Worker('bench-quiz', (job) => gradeBare(pool, grader, key, submissions, grades, job.data.submissionId), { connection, prefix, concurrency: options.workerConcurrency ?? 16 });
  try {
    await worker.waitUntilReady();
    const started = performance.now();
    await inParallel(count, options.concurrency ?? QUIZ_BENCH.concurrency, async () => {
      const id = randomUUID();
      await pool.query(`INSERT INTO ${submissions} (id, answer, status) VALUES ($1, $2, 'queued')`, [id, JSON.stringify(QUIZ_BENCH_ANSWER)]);
      await queue.add('grade', { submissionId: id }, { jobId: `grade-${id}`, attempts: 5, removeOnComplete: true });
    });
    const acceptedMs = performance.now() - started;
    await until(options.timeoutMs ?? 300_000, async () => (await pool.query(`SELECT count(*)::int AS n FROM ${grades}`)).rows[0].n === count);
    const ms = performance.now() - started;
    return { scenario: 'quiz-grading', side: 'baseline', submissions: count, ms, acceptedMs, perSecond: (count * 1000) / ms };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pool.query(`DROP TABLE IF EXISTS ${grades}, ${submissions}`).catch(() => undefined);
    await pool.end();
  }
}

async function gradeBare(pool: Pool, grader: QuizGrader, key: ReturnType<QuizGrader['validateKey']>, submissions: string, grades: string, id: string): Promise<void> {
  const { rows } = await pool.query(`SELECT answer FROM ${submissions} WHERE id = $1`, [id]);
  const outcome = await grader.grade({ key, answer: grader.validateAnswer(rows[0].answer, key), traineeId: 'bench', assessmentId: 'bench', versionId: 'bench', submissionId: id, maxScore: 100 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${grades} (submission_id, score, feedback) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, outcome.score, JSON.stringify(outcome.feedback)]);
    await client.query(`UPDATE ${submissions} SET status = 'graded' WHERE id = $1`, [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export interface QuizGradingResult {
  scenario: 'quiz-grading';
  submissions: number;
  app: QuizGradingRun;
  baseline: QuizGradingRun;
  ratio: number;
  target: 0.5;
  pass: boolean;
}

export function quizGradingRatio(app: QuizGradingRun, baseline: QuizGradingRun): QuizGradingResult {
  const ratio = Math.round((app.perSecond / baseline.perSecond) * 1000) / 1000;
  return { scenario: 'quiz-grading', submissions: app.submissions, app, baseline, ratio, target: 0.5, pass: ratio >= 0.5 };
}

/** Runs `count` tasks with at most `concurrency` in flight. */
async function inParallel(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(lanes);
}

/** Polls every 100 ms on both sides, so polling costs each side the same delay (and little load). */
async function until(timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('quiz-grading: timed out waiting for grades');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
