/**
 * Declared by the course module, which decides who may read lesson bodies, and bound by the
 * composition root to the module that knows enrollments (cohort). Course never imports cohort:
 * cohort reads published versions, so the dependency runs one way only.
 */
export abstract class CourseReaders {
  /**
   * Whether the trainee has an active or completed enrollment in a cohort running this version: the
   * lesson read asks it on every request, so it is one indexed existence check, not the whole list.
   */
  abstract enrolledInVersion(traineeId: string, courseVersionId: string): Promise<boolean>;

  /**
   * The same answer as `enrolledInVersion`, as a boolean SQL expression over the caller's two
   * parameters or columns (`trainee`: a uuid, `version`: a course version id, null answering false),
   * written by the module that owns the enrollments; null when this reader cannot answer in SQL (an
   * in-memory one). The lesson read folds it into its own statement: one round trip instead of two on
   * the trainee's most frequent request (issue 23). The caller treats the text as opaque and never
   * names the tables it reads (ARCHITECTURE.md: a module reaches another only through what that one
   * exposes; `DemographicConsents.standsSql` is the same form inside a module).
   */
  abstract enrolledInVersionSql(trainee: string, version: string): string | null;
}
