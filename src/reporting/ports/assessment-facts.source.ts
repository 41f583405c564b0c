import type { EnrollmentFact } from './cohort-facts.source';

/** An enrollment reporting has read: whose it is and on which course version. */
export type EnrolledFact = Pick<EnrollmentFact, 'enrollmentId' | 'traineeId' | 'courseVersionId'>;

/** The best graded attempt of an enrollment at an assessment. */
export interface AssessmentResultFact {
  enrollmentId: string;
  assessmentId: string;
  passed: boolean;
  bestScore: number;
  maxScore: number;
}

export interface AssessmentFact {
  assessmentId: string;
  versionId: string;
  title: string;
  /** Competency framework skills this assessment evidences. */
  skillCodes: string[];
}

/** What reporting needs of assessments and grades; bound to the assessment module at merge. */
export abstract class AssessmentFactsSource {
  abstract results(enrollmentIds: string[]): Promise<AssessmentResultFact[]>;
  abstract assessments(versionIds: string[]): Promise<AssessmentFact[]>;
  /** The course score (0..100) of each enrollment that has one. */
  abstract courseScores(enrollmentIds: string[]): Promise<Map<string, number>>;

  /**
   * Both at once for enrollments already read, as `results` and `courseScores` answer them by id.
   * The assessment adapter reads the grades once for both (a cohort's 500,000 submissions are
   * aggregated once, not twice) and takes each enrollment's version as given (no second lookup).
   */
  async resultsAndScores(enrollments: EnrolledFact[]): Promise<{ results: AssessmentResultFact[]; scores: Map<string, number> }> {
    const enrollmentIds = enrollments.map((e) => e.enrollmentId);
    const [results, scores] = await Promise.all([this.results(enrollmentIds), this.courseScores(enrollmentIds)]);
    return { results, scores };
  }
}
