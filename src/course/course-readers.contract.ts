/** An enrollment as the course module needs to know it: whose, in which version, whether it still reads. */
export interface ReaderEnrollment {
  courseVersionId: string;
  status: 'active' | 'withdrawn' | 'completed';
}

/**
 * Declared by the course module, which decides who may read lesson bodies, and bound by the
 * composition root to the module that knows enrollments (cohort). Course never imports cohort:
 * cohort reads published versions, so the dependency runs one way only.
 */
export abstract class CourseReaders {
  /** The trainee's enrollments in any course version (all statuses). */
  abstract enrollmentsOf(traineeId: string): Promise<ReaderEnrollment[]>;
}
