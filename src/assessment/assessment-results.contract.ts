import type { EnrollmentRef } from '../cohort/enrollment-directory.contract';

/** An enrollment its caller has already read (from the cohort module): whose it is and on which course version. */
export type EnrolledRef = Pick<EnrollmentRef, 'enrollmentId' | 'traineeId' | 'courseVersionId'>;

/** What the assessment module tells other modules about results. */
export interface AssessmentResult {
  assessmentId: string;
  enrollmentId: string;
  traineeId: string;
  /** Best graded score (after late penalties), 0..maxScore; null when nothing graded yet. */
  bestScore: number | null;
  maxScore: number;
  passed: boolean;
  attempts: number;
  lastGradedAt: Date | null;
}

/** An enrollment's best graded scores, one per assessment of its version in the outline's order (null: nothing graded). */
export interface EnrolledBestScores {
  enrollmentId: string;
  bestScores: Array<number | null>;
}

/** Implemented by the assessment module; injected by certification and reporting. */
export abstract class AssessmentResults {
  abstract resultsOfEnrollment(enrollmentId: string): Promise<AssessmentResult[]>;
  abstract resultsOfEnrollments(enrollmentIds: string[]): Promise<AssessmentResult[]>;
  /**
   * The same answers as `resultsOfEnrollments` for enrollments the caller has already read, trusting
   * their trainee and version instead of looking each one up again (reporting reads a cohort's
   * 10,000 enrollments once). By default: the lookup by id.
   */
  async resultsOfEnrolled(enrollments: EnrolledRef[]): Promise<AssessmentResult[]> {
    return this.resultsOfEnrollments(enrollments.map((e) => e.enrollmentId));
  }

  /**
   * Only the best scores of `resultsOfEnrolled`, one compact entry per enrollment (in the order
   * asked, each once): what a report over a whole cohort needs, without a result object per
   * assessment. By default: `resultsOfEnrolled`, which answers each enrollment's assessments in the
   * outline's order.
   */
  async bestScoresOfEnrolled(enrollments: EnrolledRef[]): Promise<EnrolledBestScores[]> {
    const byEnrollment = new Map<string, Array<number | null>>(enrollments.map((e) => [e.enrollmentId, []]));
    const once = [...new Map(enrollments.map((e) => [e.enrollmentId, e])).values()];
    for (const r of await this.resultsOfEnrolled(once)) byEnrollment.get(r.enrollmentId)?.push(r.bestScore);
    return [...byEnrollment].map(([enrollmentId, bestScores]) => ({ enrollmentId, bestScores }));
  }
  /** Weighted course score 0..100 over the version's assessments (ungraded count as 0), or null if it has none. */
  abstract courseScore(enrollmentId: string): Promise<number | null>;

  /**
   * `resultsOfEnrolled` and `courseScore` of one enrollment the caller has already read (its version
   * taken as given): what certification weighs. The assessment module reads the submissions once
   * for both (before: five statements). By default: the two calls.
   */
  async standingOfEnrolled(enrollment: EnrolledRef): Promise<EnrolledStanding> {
    return { results: await this.resultsOfEnrolled([enrollment]), courseScore: await this.courseScore(enrollment.enrollmentId) };
  }
}

/** An enrollment's results, one per assessment of its version, and its weighted course score. */
export interface EnrolledStanding {
  results: AssessmentResult[];
  courseScore: number | null;
}
