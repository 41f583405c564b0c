/**
 * The columns of the profile as the API shows it (GET and PATCH /me): read by the profile queries
 * and by the access check of GET /me (AccessTokens), which answers the profile in its own statement.
 */
export const PROFILE_SELECT = `id, email, display_name AS "displayName", roles, active, language, time_zone AS "timeZone", gender, birth_year AS "birthYear",
  district, employer, organisation_id AS "organisationId", created_at AS "createdAt"`;
