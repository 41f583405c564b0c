import { AssessmentFact, AssessmentFactsSource, AssessmentResultFact } from '../../../src/reporting/ports/assessment-facts.source';

export class FakeAssessmentFacts extends AssessmentFactsSource {
  readonly allResults: AssessmentResultFact[] = [];
  readonly allAssessments: AssessmentFact[] = [];
  readonly scores = new Map<string, number>();

  async results(enrollmentIds: string[]): Promise<AssessmentResultFact[]> {
    const ids = new Set(enrollmentIds);
    return this.allResults.filter((r) => ids.has(r.enrollmentId));
  }

  async assessments(versionIds: string[]): Promise<AssessmentFact[]> {
    const ids = new Set(versionIds);
    return this.allAssessments.filter((a) => ids.has(a.versionId));
  }

  async courseScores(enrollmentIds: string[]): Promise<Map<string, number>> {
    return new Map(enrollmentIds.filter((id) => this.scores.has(id)).map((id) => [id, this.scores.get(id)!]));
  }
}
