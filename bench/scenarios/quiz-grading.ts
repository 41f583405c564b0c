import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Pool, PoolClient } from 'pg';
import { redisOptionsFromUrl } from '@gds/queue';
import { QuizAnswer, QuizGrader } from '../../src/assessment/graders/quiz.grader';
import type { QuizKey } from '../../src/assessment/graders/quiz-key';
import type { GradeOutcome } from '../../src/assessment/graders/grader';
import { BARE_GRADING_QUEUE, inTransaction } from '../baseline/baseline-routes';

/**
 * Scenario `quiz-grading` (issue 5 item 12): quiz submissions end to end (POST -> graded) per
 * second through the running app (API, outbox, relay, BullMQ, the grading worker, Postgres),
 * against the same feature done bare in the same run: the baseline server's POST route (Fastify +
 * pg, same token check, the same module lock and extra attempts granted as the app checks) stores
 * the attempt and the queued submission and adds a plain BullMQ job;
 * a plain Worker grades it with the same QuizGrader and stores what the app stores for a grade
 * (grade, graded submission, progress record, enrollment activity, in-app notification). Both sides
 * submit over HTTP with the same trainees, each to its own quiz of the same course. Ratio = app per
 * second / baseline per second; the target is >= 0.5.
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
  /** A second quiz of the same module and key, submitted to by the baseline, so that the two sides' attempts never collide. */
  baselineAssessmentId: string;
  trainees: Array<{ id: string; token: string }>;
  attemptsPerTrainee: number;
}

export interface QuizGradingRun {
  scenario: 'quiz-grading';
  side: 'app' | 'baseline';
  submissions: number;
  ms: number;
  /** When the last submission was accepted (answered 202). */
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

export async function ok(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await call(baseUrl, token, method, path, body);
  if (answer.status >= 300) throw new Error(`quiz-grading: ${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function newUser(baseUrl: string, admin: string, role: string): Promise<{ id: string; token: string }> {
  const email = `bench-${role}-${randomUUID().slice(0, 12)}@bench.test`;
  const password = `bench-${randomUUID()}`;
  const created = await ok(baseUrl, admin, 'POST', '/api/v1/users', { email, displayName: `Bench ${role}`, roles: [role], password });
  const tokens = await ok(baseUrl, null, 'POST', '/api/v1/auth/login', { email, password });
  return { id: created.id, token: tokens.accessToken };
}

/** A published course with two identical quizzes (the app's and the baseline's), a running cohort, and `trainees` trainees enrolled directly by the admin. */
export async function setupQuizGrading(baseUrl: string, tokens: QuizGradingTokens, options: { trainees?: number; submissions?: number; rounds?: number } = {}): Promise<QuizGradingScenario> {
  const traineeCount = options.trainees ?? QUIZ_BENCH.trainees;
  // Trainees submit in turn: the busiest trainee of a round submits the share rounded up, in every round.
  const attemptsPerTrainee = Math.min(100, Math.ceil((options.submissions ?? QUIZ_BENCH.submissions) / traineeCount) * (options.rounds ?? 1));
  const instructor = tokens.instructor ?? (await newUser(baseUrl, tokens.admin, 'instructor')).token;
  const code = `bench-quiz-${randomUUID().slice(0, 8)}`;
  const course = await ok(baseUrl, instructor, 'POST', '/api/v1/courses', {
    code, title: 'Bench quiz course', summary: 'A course for the quiz-grading benchmark.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 1,
  });
  const module = await ok(baseUrl, instructor, 'POST', `/api/v1/courses/${course.id}/modules`, { title: 'Bench module' });
  const quizSpec = { kind: 'quiz', maxScore: 100, passMark: 50, attemptsAllowed: attemptsPerTrainee, key: QUIZ_BENCH_KEY };
  const quiz = await ok(baseUrl, instructor, 'POST', `/api/v1/modules/${module.id}/assessments`, { ...quizSpec, title: 'Bench quiz' });
  const baselineQuiz = await ok(baseUrl, instructor, 'POST', `/api/v1/modules/${module.id}/assessments`, { ...quizSpec, title: 'Bench quiz (baseline)' });
  // A second module with a lesson no trainee completes: passing the quizzes must not complete the
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
  return { name: 'quiz-grading', baseUrl, adminToken: tokens.admin, courseId: course.id, versionId: version.versionId, cohortId: cohort.id, assessmentId: quiz.id, baselineAssessmentId: baselineQuiz.id, trainees, attemptsPerTrainee };
}

/** POSTs `submissions` quiz answers (`concurrency` in flight, spread over the trainees) and waits until every one is graded. */
export async function runQuizGrading(scenario: QuizGradingScenario, options: { databaseUrl: string; submissions?: number; concurrency?: number; timeoutMs?: number }): Promise<QuizGradingRun> {
  const count = options.submissions ?? QUIZ_BENCH.submissions;
  const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
  try {
    const before = await gradedCount(pool, scenario.assessmentId);
    const started = performance.now();
    await submitAll(scenario, scenario.baseUrl, scenario.assessmentId, count, options.concurrency ?? QUIZ_BENCH.concurrency);
    const acceptedMs = performance.now() - started;
    await untilAllGraded(pool, scenario.assessmentId, before + count, options.timeoutMs ?? 300_000);
    const ms = performance.now() - started;
    return { scenario: 'quiz-grading', side: 'app', submissions: count, ms, acceptedMs, perSecond: (count * 1000) / ms };
  } finally {
    await pool.end();
  }
}

/**
 * Both sides are watched the same way, with one small query every 100 ms on one connection: reading
 * the app's submissions over its API instead would add its own load (pages of submissions with
 * their answers and feedback, ten times a second) to the side being measured.
 */
async function gradedCount(pool: Pool, assessmentId: string): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM submission WHERE assessment_id = $1 AND status = 'graded'`, [assessmentId]);
  return rows[0].n;
}

/** Waits until `total` submissions of the assessment are graded (earlier rounds' included). */
async function untilAllGraded(pool: Pool, assessmentId: string, total: number, timeoutMs: number, failure?: () => Error | undefined): Promise<void> {
  await until(timeoutMs, async () => {
    const error = failure?.();
    if (error) throw new Error(`quiz-grading: the bare worker failed: ${error.message}`);
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE status = 'graded')::int AS graded, count(*) FILTER (WHERE status = 'error')::int AS failed FROM submission WHERE assessment_id = $1`,
      [assessmentId],
    );
    if (rows[0].failed > 0) throw new Error(`quiz-grading: ${rows[0].failed} submission(s) of ${assessmentId} failed to grade`);
    return rows[0].graded === total;
  });
}

/** The same requests for both sides: trainee i % n submits the same answer to `assessmentId` on `baseUrl`; answers the ids accepted. */
async function submitAll(scenario: QuizGradingScenario, baseUrl: string, assessmentId: string, count: number, concurrency: number): Promise<Set<string>> {
  if (count > scenario.trainees.length * scenario.attemptsPerTrainee) throw new Error('quiz-grading: more submissions than attempts set up');
  const ids = new Set<string>();
  await inParallel(count, concurrency, async (i) => {
    const trainee = scenario.trainees[i % scenario.trainees.length];
    const answer = await call(baseUrl, trainee.token, 'POST', `/api/v1/assessments/${assessmentId}/submissions`, { answer: QUIZ_BENCH_ANSWER });
    if (answer.status !== 202) throw new Error(`quiz-grading: submission to ${baseUrl} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    ids.add(answer.body.id);
  });
  return ids;
}

export interface BareQuizBaselineOptions {
  /** The baseline server (bench/baseline/baseline-server.ts), whose POST route adds the jobs. */
  baselineUrl: string;
  /** The baseline server's BASELINE_QUEUE_PREFIX, where this run's Worker consumes. */
  queuePrefix: string;
  databaseUrl: string;
  redisUrl: string;
  submissions?: number;
  /** Requests in flight, as the app run's concurrency. */
  concurrency?: number;
  /** Worker concurrency, as the app's WORKER_CONCURRENCY (default 16). */
  workerConcurrency?: number;
  /** The Worker's Postgres connections, as the app worker's DATABASE_POOL_SIZE (default 20). */
  poolSize?: number;
  timeoutMs?: number;
}

/**
 * The same feature done bare: the same trainees POST the same answers to the baseline server (to
 * the scenario's baseline quiz); a plain BullMQ Worker, in this process, grades each job with the
 * same QuizGrader and stores the grade rows. Done when the database counts every submission of the
 * baseline quiz graded (polled every 100 ms, as the app side).
 */
export async function runBareQuizBaseline(scenario: QuizGradingScenario, options: BareQuizBaselineOptions): Promise<QuizGradingRun> {
  const count = options.submissions ?? QUIZ_BENCH.submissions;
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
  const queueOptions = { connection: { ...redisOptionsFromUrl(options.redisUrl), maxRetriesPerRequest: null }, prefix: options.queuePrefix };
  const grader = new QuizGrader();
  const worker = new Worker(BARE_GRADING_QUEUE, (job) => gradeBare(pool, grader, job.data.submissionId), { ...queueOptions, concurrency: options.workerConcurrency ?? 16 });
  // A grading error in the bench is a bug: stop at the first one rather than wait for the timeout.
  let failure: Error | undefined;
  worker.on('failed', (_job, error) => {
    failure ??= error;
  });
  try {
    await worker.waitUntilReady();
    const before = await gradedCount(pool, scenario.baselineAssessmentId);
    const started = performance.now();
    await submitAll(scenario, options.baselineUrl, scenario.baselineAssessmentId, count, options.concurrency ?? QUIZ_BENCH.concurrency);
    const acceptedMs = performance.now() - started;
    await untilAllGraded(pool, scenario.baselineAssessmentId, before + count, options.timeoutMs ?? 300_000, () => failure);
    const ms = performance.now() - started;
    return { scenario: 'quiz-grading', side: 'baseline', submissions: count, ms, acceptedMs, perSecond: (count * 1000) / ms };
  } finally {
    await worker.close();
    const queue = new Queue(BARE_GRADING_QUEUE, queueOptions);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await pool.end();
  }
}

/** A submission as the bare worker reads it: joined with the quiz its course version froze. */
interface BareSubmission {
  id: string;
  enrollment_id: string;
  assessment_id: string;
  version_id: string;
  trainee_id: string;
  answer: QuizAnswer;
  status: string;
  late_days: number;
  pass_mark: string;
  frozen: { key: QuizKey; maxScore: number };
}

async function gradeBare(pool: Pool, grader: QuizGrader, submissionId: string): Promise<void> {
  const { rows } = await pool.query<BareSubmission>(
    `SELECT s.id, s.enrollment_id, s.assessment_id, s.version_id, s.trainee_id, s.answer, s.status, s.late_days, s.pass_mark, a.frozen
       FROM submission s JOIN course_version_assessment a ON a.version_id = s.version_id AND a.assessment_id = s.assessment_id
      WHERE s.id = $1`,
    [submissionId],
  );
  const submission = rows[0];
  // As the app: a retry of a job whose submission is graded already does nothing.
  if (!submission || submission.status !== 'queued') return;
  const outcome = await grader.grade({
    key: submission.frozen.key, answer: submission.answer, traineeId: submission.trainee_id, assessmentId: submission.assessment_id,
    versionId: submission.version_id, submissionId, maxScore: submission.frozen.maxScore,
  });
  await inTransaction(pool, (client) => storeGrade(client, submission, outcome));
}

/**
 * What the app stores for an initial grade, in one transaction instead of its three jobs (grading,
 * progress, notify): the grade row, the graded submission, the cohort's progress record, the
 * enrollment's activity, and the trainee's in-app notification. A quiz without a due date has no penalty.
 */
async function storeGrade(client: PoolClient, s: BareSubmission, outcome: GradeOutcome): Promise<void> {
  const score = outcome.score;
  const passed = score >= Number(s.pass_mark);
  // The enrollment row first, then the rows that refer to it: the lock order of the app's progress record.
  await client.query('UPDATE enrollment SET last_activity_at = greatest(coalesce(last_activity_at, now()), now()) WHERE id = $1', [s.enrollment_id]);
  await client.query(
    `INSERT INTO grade (submission_id, cause, raw_score, penalty, score, max_score, passed, feedback, key_version_id)
     VALUES ($1, 'initial', $2, 0, $2, $3, $4, $5, $6)`,
    [s.id, score, outcome.maxScore, passed, JSON.stringify(outcome.feedback), s.version_id],
  );
  await client.query(
    `UPDATE submission SET status = 'graded', score = $2, passed = $3, feedback = $4, graded_at = now(), error = NULL WHERE id = $1`,
    [s.id, score, passed, JSON.stringify({ ...outcome.feedback, penalty: 0, lateDays: s.late_days })],
  );
  await client.query(
    'INSERT INTO assessment_grade (submission_id, enrollment_id, assessment_id, passed, score, max_score) VALUES ($1, $2, $3, $4, $5, $6)',
    [s.id, s.enrollment_id, s.assessment_id, passed, score, outcome.maxScore],
  );
  const eventKey = `graded:${s.id}`;
  const data = { submissionId: s.id, assessmentId: s.assessment_id, score, maxScore: outcome.maxScore, passed };
  await client.query(`INSERT INTO notification_event (event_key, type, data) VALUES ($1, 'submission-graded', $2)`, [eventKey, JSON.stringify(data)]);
  await client.query(`INSERT INTO notification_delivery (event_key, recipient_id, channel, status) VALUES ($1, $2, 'in_app', 'delivered')`, [eventKey, s.trainee_id]);
}

/** Issue 23 item 2: quiz grading at ≥ 0.8 of the bare BullMQ worker's graded submissions per second. */
export const QUIZ_GRADING_TARGET = 0.8;

export interface QuizGradingResult {
  scenario: 'quiz-grading';
  submissions: number;
  app: QuizGradingRun;
  baseline: QuizGradingRun;
  ratio: number;
  /** Issue 23 item 2: ≥ 0.8 of the bare BullMQ worker. */
  target: typeof QUIZ_GRADING_TARGET;
  pass: boolean;
}

export function quizGradingRatio(app: QuizGradingRun, baseline: QuizGradingRun): QuizGradingResult {
  const ratio = Math.round((app.perSecond / baseline.perSecond) * 1000) / 1000;
  return { scenario: 'quiz-grading', submissions: app.submissions, app, baseline, ratio, target: QUIZ_GRADING_TARGET, pass: ratio >= QUIZ_GRADING_TARGET };
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
