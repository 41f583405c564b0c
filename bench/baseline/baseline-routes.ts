import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify, JWTPayload } from 'jose';
import type { Pool, PoolClient } from 'pg';
import { CACHE } from '../../libs/http/src/cache-control';
import { attemptLockSql } from '../../src/assessment/attempt-lock';
import { QuizGrader } from '../../src/assessment/graders/quiz.grader';
import type { QuizKey } from '../../src/assessment/graders/quiz-key';
import { AT_RISK_SQL, FAILING_SQL, INACTIVE_SQL } from '../../src/cohort/at-risk';
import { rosterModules } from '../../src/cohort/roster-modules';
import { moduleOpensAt } from '../../src/cohort/module-states';
import type { UnlockMode } from '../../src/cohort/cohort.entity';
import type { CourseVersionOutline } from '../../src/course/published-course-versions.contract';
import { outlineOf } from './baseline-outlines';
import { BareStatement, CURRENT_PRINCIPAL, CURRENT_PRINCIPAL_WITH_PROFILE } from './baseline-statements';

export interface BaselineDeps {
  pool: Pool;
  key: Uint8Array;
  issuer: string;
  audience: string;
  /** The bare grading queue (BARE_GRADING_QUEUE under the baseline's own prefix); the bench process runs its Worker. */
  gradingQueue: Queue;
}

/** Name of the bare grading queue: the baseline server adds to it, the quiz-grading scenario's Worker consumes it. */
export const BARE_GRADING_QUEUE = 'bare-grading';

/** The app's default AT_RISK_INACTIVE_DAYS (the bench does not set it). */
const ROSTER_INACTIVE_DAYS = 7;

/** The same token check as the app: HS256 pinned, issuer and audience, then the user's roles and status and whether the token's session has ended (the app's named statement, or the standing cache below). */
export async function authenticate(deps: BaselineDeps, request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  return (await authenticatePrincipal(deps, request, reply))?.userId;
}

/** `authenticate`, answering the roles too (for routes whose answer depends on them). */
export async function authenticatePrincipal(deps: BaselineDeps, request: FastifyRequest, reply: FastifyReply): Promise<{ userId: string; roles: string[] } | undefined> {
  const row = await authenticatedRow(deps, request, reply, CURRENT_PRINCIPAL);
  return row && { userId: row.userId, roles: row.roles };
}

/**
 * Standings by (user, session), as the app keeps them (AccessStandingCache, default
 * ACCESS_STANDING_CACHE_SECONDS): a repeated request of a session sends no access-check statement;
 * GET /me still reads its one statement and refreshes the entry. The app keeps its entries true with
 * a LISTEN on the triggers' notifications; the bench changes no one's roles, active flag or session
 * while it measures, so no listener is needed here (the app's listener costs nothing per request).
 */
const standings = new Map<string, { roles: string[] | null; until: number }>();
const STANDING_MAX_AGE_MS = 30_000;
const STANDINGS_KEPT = 20_000;

function standingKey(payload: JWTPayload): string {
  return `${payload.sub}:${typeof payload.sid === 'string' ? payload.sid : ''}`;
}

/**
 * Verified tokens by their exact text, as the app keeps them (AccessTokens' `verified`): the HMAC,
 * algorithm, issuer and audience depend on the text alone, so they are checked once per token and
 * the expiry on every use. Without this the bare side paid a signature check per request that the
 * app does not (about 150 µs, 18–20 % of the bare me-enrollments route's CPU), which flattered every
 * ratio of a route behind the token check (found 2026-12-07, bench/findings/enroll-time.md).
 */
const verifiedTokens = new Map<string, JWTPayload>();
const VERIFIED_TOKENS_KEPT = 10_000;

async function verifiedClaims(deps: BaselineDeps, token: string): Promise<JWTPayload> {
  let payload = verifiedTokens.get(token);
  if (!payload) {
    ({ payload } = await jwtVerify(token, deps.key, { algorithms: ['HS256'], issuer: deps.issuer, audience: deps.audience, requiredClaims: ['sub', 'exp', 'iat'] }));
    if (verifiedTokens.size >= VERIFIED_TOKENS_KEPT) verifiedTokens.clear();
    verifiedTokens.set(token, payload);
  }
  if ((payload.exp ?? 0) * 1000 <= Date.now()) throw new Error('expired');
  return payload;
}

/** The token check with `statement` (the principal's row, or with the profile as GET /me's check reads it): the row, or undefined after a 401. */
async function authenticatedRow(deps: BaselineDeps, request: FastifyRequest, reply: FastifyReply, statement: BareStatement): Promise<(Record<string, any> & { userId: string }) | undefined> {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) {
    reply.code(401).send({ status: 401 });
    return undefined;
  }
  try {
    const payload = await verifiedClaims(deps, match[1]);
    const key = standingKey(payload);
    const known = statement === CURRENT_PRINCIPAL ? standings.get(key) : undefined;
    if (known && Date.now() < known.until) {
      if (!known.roles) throw new Error('inactive');
      return { roles: known.roles, userId: payload.sub as string };
    }
    const { rows } = await deps.pool.query({ ...statement, values: [payload.sub, typeof payload.sid === 'string' ? payload.sid : null] });
    const stands = rows.length > 0 && rows[0].active && !rows[0].ended;
    if (standings.size >= STANDINGS_KEPT) standings.clear();
    standings.set(key, { roles: stands ? rows[0].roles : null, until: Date.now() + STANDING_MAX_AGE_MS });
    if (!stands) throw new Error('inactive');
    return { ...rows[0], userId: payload.sub as string };
  } catch {
    reply.code(401).send({ status: 401 });
    return undefined;
  }
}

/** GET /api/v1/me: the token check answering the profile in the same statement, as the app's, shaped as the app shapes it (UserView). */
function me(app: FastifyInstance, deps: BaselineDeps): void {
  app.get('/api/v1/me', async (request, reply) => {
    const u = await authenticatedRow(deps, request, reply, CURRENT_PRINCIPAL_WITH_PROFILE);
    if (!u) return reply;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      active: u.active,
      language: u.language,
      timeZone: u.timeZone,
      gender: u.gender,
      birthYear: u.birthYear,
      district: u.district,
      employer: u.employer,
      organisationId: u.organisationId ?? null,
      createdAt: u.createdAt.toISOString(),
    };
  });
}

/**
 * Published version rows by course and version, kept in memory as the app keeps them since
 * 2026-12-07 (CourseVersions.row: a published version never changes). Before, the app read the row
 * each time and so did this route; without the same cache here the ratio would credit the app
 * with work the baseline still did.
 */
const publishedVersionRows = new Map<string, any>();

/** GET /api/v1/courses/:id/versions/:version (scenario course-outline): the course row for the visibility check, then the version row with its outline (cached, as the app does). */
function courseVersion(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string; version: string } }>('/api/v1/courses/:id/versions/:version', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const course = await deps.pool.query('SELECT id, owner_id, latest_version, status FROM course WHERE id = $1', [request.params.id]);
    if (course.rows.length === 0 || course.rows[0].latest_version === 0) return reply.code(404).send({ status: 404 });
    const key = `${request.params.id}/${Number(request.params.version)}`;
    let v = publishedVersionRows.get(key);
    if (!v) {
      const { rows } = await deps.pool.query(
        `SELECT id, course_id, version, title, summary, level, estimated_hours, change_note, published_by, published_at, outline
           FROM course_version WHERE course_id = $1 AND version = $2`,
        [request.params.id, Number(request.params.version)],
      );
      if (rows.length === 0) return reply.code(404).send({ status: 404 });
      v = rows[0];
      publishedVersionRows.set(key, v);
    }
    reply.header('cache-control', CACHE.privateImmutable); // the route's policy (@CachePolicy), as the app answers
    return {
      id: v.id, courseId: v.course_id, version: v.version, title: v.title, summary: v.summary, level: v.level,
      estimatedHours: v.estimated_hours, changeNote: v.change_note, publishedBy: v.published_by, publishedAt: v.published_at.toISOString(), outline: v.outline,
    };
  });
}

/**
 * GET /api/v1/cohorts/:id/roster (scenario cohort-roster): the cohort, then the same query as the
 * app (CohortRoster): enrollments with progress, the at-risk flag and its reasons, and per
 * enrollment its module states and lessons done per module (the per-module aggregates); the people;
 * the outlines of the cohort's versions (kept in memory, as the app keeps them), and the app's own
 * `rosterModules` to lay each trainee's modules out in course order.
 */
function cohortRoster(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string } }>('/api/v1/cohorts/:id/roster', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const id = request.params.id;
    const cohort = await deps.pool.query('SELECT id, name, capacity, seats_taken FROM cohort WHERE id = $1', [id]);
    if (cohort.rows.length === 0) return reply.code(404).send({ status: 404 });
    const days = '$2::int';
    const { rows } = await deps.pool.query(
      `SELECT e.id, e.trainee_id, e.course_version_id, e.status, e.enrolled_at, e.last_activity_at, e.lessons_done, e.modules_done,
              e.modules_total, e.percent_complete, e.failed_assessments,
              ${AT_RISK_SQL(days)} AS at_risk, ${INACTIVE_SQL(days)} AS inactive, ${FAILING_SQL} AS failing,
              (SELECT coalesce(jsonb_object_agg(mp.module_id, mp.status), '{}') FROM module_progress mp WHERE mp.enrollment_id = e.id) AS module_states,
              (SELECT coalesce(jsonb_object_agg(lc.module_id, lc.n), '{}')
                 FROM (SELECT module_id, count(*)::int AS n FROM lesson_completion WHERE enrollment_id = e.id GROUP BY module_id) lc) AS lessons_by_module
         FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
        WHERE e.cohort_id = $1 AND ($3::text IS NULL OR e.status = $3) AND (NOT $4 OR ${AT_RISK_SQL(days)})
        ORDER BY e.percent_complete ASC, e.enrolled_at ASC, e.id`,
      [id, ROSTER_INACTIVE_DAYS, null, false],
    );
    const people = await deps.pool.query('SELECT id, email, display_name FROM app_user WHERE id = ANY($1::uuid[])', [rows.map((r) => r.trainee_id)]);
    const byId = new Map(people.rows.map((p) => [p.id, p]));
    const outlines = new Map<string, CourseVersionOutline>();
    for (const versionId of new Set<string>(rows.map((r) => r.course_version_id))) outlines.set(versionId, await outlineOf(deps.pool, versionId));
    const c = cohort.rows[0];
    return {
      cohortId: id, cohortName: c.name, capacity: c.capacity, seatsTaken: c.seats_taken, inactiveDays: ROSTER_INACTIVE_DAYS,
      items: rows.map((r) => ({
        enrollmentId: r.id, traineeId: r.trainee_id, displayName: byId.get(r.trainee_id)?.display_name ?? null, email: byId.get(r.trainee_id)?.email ?? null,
        courseVersionId: r.course_version_id, status: r.status, enrolledAt: r.enrolled_at.toISOString(), lastActivityAt: r.last_activity_at?.toISOString() ?? null,
        lessonsDone: r.lessons_done, modulesDone: r.modules_done, modulesTotal: r.modules_total,
        modules: rosterModules(outlines.get(r.course_version_id), { states: r.module_states, lessonsDone: r.lessons_by_module }),
        percentComplete: Number(r.percent_complete), failedAssessments: r.failed_assessments, atRisk: r.at_risk,
        atRiskReasons: r.at_risk ? [...(r.inactive ? ['inactive'] : []), ...(r.failing ? ['failing'] : [])] : [],
      })),
    };
  });
}

/**
 * What the submission route reads in one query: the trainee's active enrollment, the quiz as its
 * version froze it, and what the module lock needs (the cohort's unlock mode, start and zone, and
 * this module's offset).
 */
interface LocatedQuiz {
  enrollment_id: string;
  cohort_id: string;
  course_version_id: string;
  frozen: { kind: 'quiz'; moduleId: string; key: QuizKey; maxScore: number; passMark: number; attemptsAllowed: number };
  unlock_mode: UnlockMode;
  starts_at: Date;
  time_zone: string;
  offset_days: number | null;
}

const quizGrader = new QuizGrader();

/**
 * POST /api/v1/assessments/:id/submissions (scenario quiz-grading): the app's submit done bare. One
 * query finds the enrollment, the frozen quiz and its module's unlock; the module lock is decided from
 * it as the app decides it; one transaction, under the app's advisory lock (taken with the read of the
 * trainee's exceptions, as the app does), stores the attempt and the queued submission; then a plain
 * BullMQ add. Quizzes only, without due dates or time limits (the bench's quiz has neither), in
 * cohorts that unlock on a schedule (the bench's).
 */
function quizSubmission(app: FastifyInstance, deps: BaselineDeps): void {
  app.post<{ Params: { id: string }; Body: { answer?: unknown } }>('/api/v1/assessments/:id/submissions', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const raw = request.body?.answer;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reply.code(400).send({ status: 400 });
    const located = await locateQuiz(deps.pool, userId, request.params.id);
    if (!located) return reply.code(404).send({ status: 404 });
    if (located.unlock_mode === 'prerequisites') return reply.code(501).send({ status: 501 });
    const schedule = { unlockMode: located.unlock_mode, startsAt: located.starts_at, timeZone: located.time_zone, offsets: new Map(located.offset_days === null ? [] : [[located.frozen.moduleId, located.offset_days]]) };
    if (Date.now() < moduleOpensAt(schedule, located.frozen.moduleId).getTime()) return reply.code(422).send({ status: 422 });
    let answer: unknown;
    try {
      answer = quizGrader.validateAnswer(raw, located.frozen.key);
    } catch {
      return reply.code(400).send({ status: 400 });
    }
    const submissionId = await inTransaction(deps.pool, (client) => storeSubmission(client, userId, request.params.id, located, answer));
    if (!submissionId) return reply.code(409).send({ status: 409 });
    // No outbox: the bare way enqueues after the commit (a crash in between leaves the submission queued with no job).
    await deps.gradingQueue.add('grade', { submissionId }, { jobId: `grade-${submissionId}`, attempts: 5, removeOnComplete: true });
    return reply.code(202).send({ id: submissionId, status: 'queued' });
  });
}

/** The bare quiz route's statements are named (parsed once per connection) as the app names its submit's (since 2026-12-07 12:30). */
async function locateQuiz(pool: Pool, traineeId: string, assessmentId: string): Promise<LocatedQuiz | undefined> {
  const { rows } = await pool.query<LocatedQuiz>({
    name: 'bare:quiz-locate',
    text: `SELECT e.id AS enrollment_id, e.cohort_id, e.course_version_id, a.frozen, c.unlock_mode, c.starts_at, c.time_zone, u.offset_days
       FROM enrollment e JOIN course_version_assessment a ON a.version_id = e.course_version_id AND a.assessment_id = $2
       JOIN cohort c ON c.id = e.cohort_id LEFT JOIN cohort_module_unlock u ON u.cohort_id = c.id AND u.module_id = (a.frozen->>'moduleId')::uuid
      WHERE e.trainee_id = $1 AND e.status = 'active' AND a.frozen->>'kind' = 'quiz'
      ORDER BY e.enrolled_at DESC, e.id LIMIT 1`,
    values: [traineeId, assessmentId],
  });
  return rows[0];
}

/** Runs `work` in one transaction on one pooled client: COMMIT when it answers, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The bare quiz route's attempt lock with the trainee's extra attempts: $1 the trainee, $2 the enrollment, $3 the assessment. */
const BARE_QUIZ_ATTEMPT_LOCK = {
  name: 'bare:quiz-attempt-lock',
  text: `SELECT g.extra FROM (SELECT ${attemptLockSql('$1', '$3')}) AS locked,
       (SELECT coalesce(sum(extra_attempts), 0)::int AS extra FROM assessment_exception WHERE enrollment_id = $2 AND assessment_id = $3) AS g`,
};

/** Stores the attempt and the queued submission; answers the submission's id, or undefined when every attempt allowed is used. */
async function storeSubmission(client: PoolClient, traineeId: string, assessmentId: string, located: LocatedQuiz, answer: unknown): Promise<string | undefined> {
  const { enrollment_id: enrollmentId, cohort_id: cohortId, course_version_id: versionId, frozen } = located;
  // The app's advisory lock, per (trainee, assessment) with its key made in SQL from the ids
  // (`attemptLockSql`), serialises this trainee's submissions, so parallel ones cannot exceed the
  // attempts allowed; in the same statement the extra attempts granted to the trainee (the app's
  // exceptions). The attempt is numbered and refused past the limit in its insert, as the app does.
  const granted = await client.query<{ extra: number }>({ ...BARE_QUIZ_ATTEMPT_LOCK, values: [traineeId, enrollmentId, assessmentId] });
  const attemptsAllowed = Math.min(100, frozen.attemptsAllowed + granted.rows[0].extra);
  const attempt = await client.query({
    name: 'bare:quiz-attempt-insert',
    text: `INSERT INTO assessment_attempt (assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, attempts_allowed)
     SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, used + 1, $6::int
       FROM (SELECT count(*)::int AS used FROM assessment_attempt WHERE enrollment_id = $3::uuid AND assessment_id = $1::uuid) counted
      WHERE used < $6::int
     RETURNING id`,
    values: [assessmentId, versionId, enrollmentId, cohortId, traineeId, attemptsAllowed],
  });
  if (attempt.rows.length === 0) return undefined;
  const submission = await client.query({
    name: 'bare:quiz-submission-insert',
    text: `INSERT INTO submission (attempt_id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, kind, answer, status, late_days, max_score, pass_mark, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'quiz', $7, 'queued', 0, $8, $9, now()) RETURNING id`,
    values: [attempt.rows[0].id, assessmentId, versionId, enrollmentId, cohortId, traineeId, JSON.stringify(answer), frozen.maxScore, frozen.passMark],
  });
  return submission.rows[0].id;
}

/**
 * Every baseline route. A scenario that compares against a bare implementation adds its route
 * function here (same SQL as the app, no framework), e.g. `courseOutline(app, deps)`; routes in
 * files of their own (cohort-outcomes-direct.ts) are added where the server registers these.
 */
export const BASELINE_ROUTES: Array<(app: FastifyInstance, deps: BaselineDeps) => void> = [me, courseVersion, cohortRoster, quizSubmission];
