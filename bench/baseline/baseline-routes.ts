import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify } from 'jose';
import type { Pool } from 'pg';

export interface BaselineDeps {
  pool: Pool;
  key: Uint8Array;
  issuer: string;
  audience: string;
}

/** The same token check as the app: HS256 pinned, issuer and audience, then the user's roles and status. */
export async function authenticate(deps: BaselineDeps, request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) {
    reply.code(401).send({ status: 401 });
    return undefined;
  }
  try {
    const { payload } = await jwtVerify(match[1], deps.key, {
      algorithms: ['HS256'],
      issuer: deps.issuer,
      audience: deps.audience,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const { rows } = await deps.pool.query('SELECT roles, active FROM app_user WHERE id = $1', [payload.sub]);
    if (rows.length === 0 || !rows[0].active) throw new Error('inactive');
    return payload.sub as string;
  } catch {
    reply.code(401).send({ status: 401 });
    return undefined;
  }
}

/** GET /api/v1/me: the token check, then the same row the app reads, shaped as the app shapes it. */
function me(app: FastifyInstance, deps: BaselineDeps): void {
  app.get('/api/v1/me', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const { rows } = await deps.pool.query(
      'SELECT id, email, display_name, roles, active, gender, birth_year, district, employer, created_at, updated_at FROM app_user WHERE id = $1',
      [userId],
    );
    const u = rows[0];
    return {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      roles: u.roles,
      active: u.active,
      gender: u.gender,
      birthYear: u.birth_year,
      district: u.district,
      employer: u.employer,
      createdAt: u.created_at.toISOString(),
    };
  });
}

/** GET /api/v1/courses/:id/versions/:version (scenario course-outline): the course row for the visibility check, then the version row with its outline. */
function courseVersion(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string; version: string } }>('/api/v1/courses/:id/versions/:version', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const course = await deps.pool.query('SELECT id, owner_id, latest_version, status FROM course WHERE id = $1', [request.params.id]);
    if (course.rows.length === 0 || course.rows[0].latest_version === 0) return reply.code(404).send({ status: 404 });
    const { rows } = await deps.pool.query(
      `SELECT id, course_id, version, title, summary, level, estimated_hours, change_note, published_by, published_at, outline
         FROM course_version WHERE course_id = $1 AND version = $2`,
      [request.params.id, Number(request.params.version)],
    );
    if (rows.length === 0) return reply.code(404).send({ status: 404 });
    const v = rows[0];
    return {
      id: v.id, courseId: v.course_id, version: v.version, title: v.title, summary: v.summary, level: v.level,
      estimatedHours: v.estimated_hours, changeNote: v.change_note, publishedBy: v.published_by, publishedAt: v.published_at.toISOString(), outline: v.outline,
    };
  });
}

/** GET /api/v1/cohorts/:id/roster (scenario cohort-roster): the cohort, the enrollments with progress and at-risk, the people. */
function cohortRoster(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string } }>('/api/v1/cohorts/:id/roster', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const id = request.params.id;
    const cohort = await deps.pool.query('SELECT id, name, capacity, seats_taken FROM cohort WHERE id = $1', [id]);
    if (cohort.rows.length === 0) return reply.code(404).send({ status: 404 });
    const { rows } = await deps.pool.query(
      `SELECT e.id, e.trainee_id, e.course_version_id, e.status, e.enrolled_at, e.last_activity_at, e.lessons_done, e.modules_done,
              e.modules_total, e.percent_complete, e.failed_assessments,
              (e.status = 'active' AND c.status = 'running' AND c.starts_at <= now() AND
               (coalesce(e.last_activity_at, greatest(e.enrolled_at, c.starts_at)) < now() - make_interval(days => 7) OR e.failed_assessments >= 2)) AS at_risk
         FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
        WHERE e.cohort_id = $1 ORDER BY e.percent_complete, e.enrolled_at, e.id`,
      [id],
    );
    const people = await deps.pool.query('SELECT id, email, display_name FROM app_user WHERE id IN (SELECT trainee_id FROM enrollment WHERE cohort_id = $1)', [id]);
    const byId = new Map(people.rows.map((p) => [p.id, p]));
    const c = cohort.rows[0];
    return {
      cohortId: id, cohortName: c.name, capacity: c.capacity, seatsTaken: c.seats_taken, inactiveDays: 7,
      items: rows.map((r) => ({
        enrollmentId: r.id, traineeId: r.trainee_id, displayName: byId.get(r.trainee_id)?.display_name ?? null, email: byId.get(r.trainee_id)?.email ?? null,
        courseVersionId: r.course_version_id, status: r.status, enrolledAt: r.enrolled_at.toISOString(), lastActivityAt: r.last_activity_at?.toISOString() ?? null,
        lessonsDone: r.lessons_done, modulesDone: r.modules_done, modulesTotal: r.modules_total, percentComplete: Number(r.percent_complete),
        failedAssessments: r.failed_assessments, atRisk: r.at_risk,
      })),
    };
  });
}

/**
 * Every baseline route. A scenario that compares against a bare implementation adds its route
 * function here (same SQL as the app, no framework), e.g. `courseOutline(app, deps)`.
 */
export const BASELINE_ROUTES: Array<(app: FastifyInstance, deps: BaselineDeps) => void> = [me, courseVersion, cohortRoster];
