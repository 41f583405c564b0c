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
}
