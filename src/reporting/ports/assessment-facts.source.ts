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
   * Both at once, as `results` and `courseScores` answer them. The assessment adapter reads the
   * grades once for both (a cohort's 500,000 submissions are aggregated once, not twice);
   * `versionIds` are the course versions of these enrollments (where their weights are read).
   */
  async resultsAndScores(enrollmentIds: string[], _versionIds: string[]): Promise<{ results: AssessmentResultFact[]; scores: Map<string, number> }> {
    const [results, scores] = await Promise.all([this.results(enrollmentIds), this.courseScores(enrollmentIds)]);
    return { results, scores };
  }
}
