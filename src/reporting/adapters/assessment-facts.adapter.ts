import { Injectable } from '@nestjs/common';
import { AssessmentResult, AssessmentResults } from '../../assessment/assessment-results.contract';
import { PublishedCourseVersions } from '../../course/published-course-versions.contract';
import { AssessmentFact, AssessmentFactsSource, AssessmentResultFact } from '../ports/assessment-facts.source';

/** Reporting's assessment port over the assessment module's AssessmentResults and course's outlines. */
@Injectable()
export class AssessmentFactsAdapter extends AssessmentFactsSource {
  constructor(
    private readonly assessmentResults: AssessmentResults,
    private readonly versions: PublishedCourseVersions,
  ) {
    super();
  }

  /** Only graded results count as attempted: a submission still being graded is no result yet. */
  async results(enrollmentIds: string[]): Promise<AssessmentResultFact[]> {
    if (enrollmentIds.length === 0) return [];
    const results = await this.assessmentResults.resultsOfEnrollments(enrollmentIds);
    return results
      .filter((r): r is AssessmentResult & { bestScore: number } => r.bestScore !== null)
      .map((r) => ({ enrollmentId: r.enrollmentId, assessmentId: r.assessmentId, passed: r.passed, bestScore: r.bestScore, maxScore: r.maxScore }));
  }

  async assessments(versionIds: string[]): Promise<AssessmentFact[]> {
    if (versionIds.length === 0) return [];
    const outlines = await this.versions.getOutlines(versionIds);
    return outlines.flatMap((o) =>
      o.modules.flatMap((m) => m.assessments.map((a) => ({ assessmentId: a.assessmentId, versionId: o.versionId, title: a.title, skillCodes: a.skillCodes }))),
    );
  }

  async courseScores(enrollmentIds: string[]): Promise<Map<string, number>> {
    const scores = new Map<string, number>();
    for (const id of enrollmentIds) {
      const score = await this.assessmentResults.courseScore(id);
      if (score !== null) scores.set(id, score);
    }
    return scores;
  }
}
