/**
 * SQL condition (over `enrollment e` joined to `cohort c`) for a trainee at risk: active in a
 * running cohort, and either silent for $days days (counted from the later of enrollment and start
 * when they never acted) or currently failing two assessments or more.
 */
export const INACTIVE_SQL = (days: string) =>
  `coalesce(e.last_activity_at, greatest(e.enrolled_at, c.starts_at)) < now() - make_interval(days => ${days})`;
export const FAILING_SQL = 'e.failed_assessments >= 2';
export const AT_RISK_SQL = (days: string) =>
  `(e.status = 'active' AND c.status = 'running' AND c.starts_at <= now() AND (${INACTIVE_SQL(days)} OR ${FAILING_SQL}))`;
