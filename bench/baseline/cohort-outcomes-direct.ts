import type { FastifyInstance } from 'fastify';
import { authenticate, BaselineDeps } from './baseline-routes';

/**
 * The same headline figures as the report (applicants, enrolled, completed, certified, pass rate
 * per assessment, mean course score: weighted best score over the version's assessments, ungraded
 * counting 0), computed by one SQL query over the base tables.
 */
export const DIRECT_OUTCOMES_SQL = `
  WITH e AS (SELECT id, status FROM enrollment WHERE cohort_id = $1),
       a AS (SELECT id, weight, max_score, pass_mark FROM assessment WHERE id = ANY($2::uuid[])),
       best AS (SELECT s.enrollment_id, s.assessment_id, max(s.score) FILTER (WHERE s.status = 'graded') AS best
                  FROM submission s JOIN e ON e.id = s.enrollment_id GROUP BY 1, 2),
       per_assessment AS (SELECT a.id, count(b.best)::int AS attempted, count(*) FILTER (WHERE b.best >= a.pass_mark)::int AS passed
                            FROM a LEFT JOIN best b ON b.assessment_id = a.id GROUP BY a.id),
       scores AS (SELECT e.id, round(sum(a.weight * coalesce(b.best, 0) / a.max_score) / nullif(sum(a.weight), 0) * 100, 2) AS score
                    FROM e CROSS JOIN a LEFT JOIN best b ON b.enrollment_id = e.id AND b.assessment_id = a.id GROUP BY e.id)
  SELECT (SELECT count(DISTINCT trainee_id) FROM application WHERE cohort_id = $1)::int AS applicants,
         (SELECT count(*) FROM e)::int AS enrolled,
         (SELECT count(*) FROM e WHERE status = 'completed')::int AS completed,
         (SELECT count(*) FROM certificate c JOIN e ON e.id = c.enrollment_id WHERE c.revoked_at IS NULL)::int AS certified,
         (SELECT json_object_agg(id, json_build_object('attempted', attempted, 'passed', passed,
                 'passRate', CASE WHEN attempted > 0 THEN round(passed::numeric / attempted, 4) END)) FROM per_assessment) AS assessments,
         (SELECT round(avg(score), 2) FROM scores)::float AS "meanScore"`;

/**
 * GET /api/v1/reports/cohorts/:id/outcomes?assessments=<ids> (scenario cohort-outcomes): the same
 * token check as the app, then the one direct query, so the live report and its bare equivalent
 * are both timed over HTTP. The bench passes the version's assessment ids (the app reads them from
 * the course module).
 */
export function cohortOutcomesDirect(app: FastifyInstance, deps: BaselineDeps): void {
  app.get<{ Params: { id: string }; Querystring: { assessments?: string } }>('/api/v1/reports/cohorts/:id/outcomes', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const assessments = (request.query.assessments ?? '').split(',').filter(Boolean);
    const { rows } = await deps.pool.query(DIRECT_OUTCOMES_SQL, [request.params.id, assessments]);
    return rows[0];
  });
}
