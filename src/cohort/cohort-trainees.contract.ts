/** A trainee of a cohort as instructors' tools (gradebook, review queue) name them. */
export interface NamedEnrollment {
  enrollmentId: string;
  traineeId: string;
  displayName: string | null;
  courseVersionId: string;
  status: 'active' | 'withdrawn' | 'completed';
  enrolledAt: Date;
}

/** Where a page of a cohort's trainees starts: after this enrollment (in enrolment order). */
export interface NamedEnrollmentCursor {
  enrolledAt: Date;
  enrollmentId: string;
}

/**
 * Implemented by the cohort module (which owns enrollments and reads names from identity); injected
 * by assessment for the gradebook and the review queue, which must show people, not ids.
 */
export abstract class CohortTrainees {
  /** The course versions the cohort runs now (empty when there is no such cohort). */
  abstract courseVersionsOf(cohortId: string): Promise<string[]>;
  /** One page of the cohort's enrollments in one course version, in enrolment order, with names. */
  abstract page(cohortId: string, courseVersionId: string, after: NamedEnrollmentCursor | null, limit: number): Promise<NamedEnrollment[]>;
  /** Display names of these users (an erased trainee's is their pseudonym). */
  abstract displayNames(userIds: string[]): Promise<Map<string, string>>;
}
