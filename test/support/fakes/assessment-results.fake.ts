import { AssessmentResult, AssessmentResults } from '../../../src/assessment/assessment-results.contract';

/**
 * The one in-memory AssessmentResults, for certification tests: it answers what a test sets per
 * enrollment (results and course score), as test/contracts/assessment-results.contract-suite.ts
 * checks against the assessment module: set every assessment of the version, untried ones too.
 */
export class FakeAssessmentResults extends AssessmentResults {
  readonly results = new Map<string, AssessmentResult[]>();
  readonly scores = new Map<string, number | null>();

  async resultsOfEnrollment(enrollmentId: string) {
    return this.results.get(enrollmentId) ?? [];
  }

  async resultsOfEnrollments(enrollmentIds: string[]) {
    return enrollmentIds.flatMap((id) => this.results.get(id) ?? []);
  }

  async courseScore(enrollmentId: string) {
    return this.scores.get(enrollmentId) ?? null;
  }
}
