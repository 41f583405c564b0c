import { AssessmentResult, AssessmentResults } from '../../../src/assessment/assessment-results.contract';

/** In-memory AssessmentResults for certification tests: results and course score per enrollment. */
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
