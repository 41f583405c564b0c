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

/** Implemented by the assessment module; injected by certification and reporting. */
export abstract class AssessmentResults {
  abstract resultsOfEnrollment(enrollmentId: string): Promise<AssessmentResult[]>;
  abstract resultsOfEnrollments(enrollmentIds: string[]): Promise<AssessmentResult[]>;
  /** Weighted course score 0..100 over the version's assessments (ungraded count as 0), or null if it has none. */
  abstract courseScore(enrollmentId: string): Promise<number | null>;
}
