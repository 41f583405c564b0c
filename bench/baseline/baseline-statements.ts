/**
 * The app's named statements that the bare routes send too, under the same names with the same
 * texts: the app sends them as named prepared statements (parsed once per pooled connection), so a
 * bare route that sent them unnamed would make Postgres parse and plan on every call and the ratio
 * bare/api would flatter the app. Copied here rather than imported because the bare server loads no
 * Nest module and these live in Nest services; test/bench-baseline-statements.spec.ts fails when a
 * copy and the app's text part.
 */
export interface BareStatement {
  readonly name: string;
  readonly text: string;
}

const SESSION_ENDED = `EXISTS (SELECT 1 FROM refresh_token WHERE $2::uuid IS NOT NULL AND family_id = $2::uuid AND revoked_at IS NOT NULL) AS ended`;
const PROFILE_SELECT = `id, email, display_name AS "displayName", roles, active, language, time_zone AS "timeZone", gender, birth_year AS "birthYear",
  district, employer, organisation_id AS "organisationId", created_at AS "createdAt"`;

/** AccessTokens' CURRENT_PRINCIPAL: every authenticated request's first statement. */
export const CURRENT_PRINCIPAL: BareStatement = {
  name: 'access:current-principal',
  text: `SELECT roles, active, ${SESSION_ENDED} FROM app_user WHERE id = $1`,
};

/** AccessTokens' CURRENT_PRINCIPAL_WITH_PROFILE: GET /me's one statement (the access check answering the profile). */
export const CURRENT_PRINCIPAL_WITH_PROFILE: BareStatement = {
  name: 'access:current-principal-with-profile',
  text: `SELECT ${PROFILE_SELECT}, ${SESSION_ENDED} FROM app_user WHERE id = $1`,
};

/**
 * CourseVersions' lesson read (`lessonReadStatement` with the cohort module's `enrolledInVersionSql`):
 * course visibility, version, lesson row, editorship and the caller's enrollment in one statement.
 */
export const LESSON_READ: BareStatement = {
  name: 'course:lesson-read',
  text: `SELECT c.latest_version, v.id AS version_id, l.module_id, l.content,
         (c.owner_id = $4::uuid OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = $4::uuid)) AS editor,
         EXISTS (SELECT 1 FROM enrollment enr_iv WHERE enr_iv.trainee_id = $4::uuid AND enr_iv.course_version_id = v.id AND enr_iv.status IN ('active', 'completed')) AS enrolled
    FROM course c
    LEFT JOIN course_version v ON v.course_id = c.id AND v.version = $2
    LEFT JOIN course_version_lesson l ON l.version_id = v.id AND l.lesson_id = $3
   WHERE c.id = $1`,
};

/**
 * TraineeProgress's OWN_ENROLLMENTS_WITH_FACTS (made by `progressFactsOfTrainee`): GET
 * /me/enrollments' one statement, the trainee's enrollments with their cohort, unlock offsets,
 * lessons done and assessments passed.
 */
export const OWN_ENROLLMENTS_WITH_FACTS: BareStatement = {
  name: 'cohort:own-enrollments-with-facts',
  text: `SELECT e.id, e.cohort_id AS "cohortId", e.trainee_id AS "traineeId", e.course_version_id AS "courseVersionId", e.status, e.source,
  e.enrolled_at AS "enrolledAt", e.withdrawn_at AS "withdrawnAt", e.withdrawal_reason AS "withdrawalReason", e.completed_at AS "completedAt",
  e.last_activity_at AS "lastActivityAt", e.percent_complete AS "percentComplete", c.id AS "cohortId", c.name AS "cohortName", c.status AS "cohortStatus", c.starts_at AS "cohortStartsAt", c.ends_at AS "cohortEndsAt",
  c.unlock_mode AS "unlockMode", c.time_zone AS "timeZone",
  (SELECT coalesce(json_agg(json_build_array(u.module_id, u.offset_days)), '[]') FROM cohort_module_unlock u WHERE u.cohort_id = c.id) AS offsets,
  ARRAY(SELECT l.lesson_id FROM lesson_completion l WHERE l.enrollment_id = e.id) AS lessons,
  ARRAY(SELECT DISTINCT g.assessment_id FROM assessment_grade g WHERE g.enrollment_id = e.id AND g.passed) AS passes
       FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
      WHERE e.trainee_id = $1 AND true ORDER BY e.enrolled_at DESC, e.id`,
};
