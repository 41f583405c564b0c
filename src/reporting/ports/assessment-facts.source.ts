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
}
