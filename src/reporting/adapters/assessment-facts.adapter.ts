import { Injectable } from '@nestjs/common';
import { AssessmentResult, AssessmentResults } from '../../assessment/assessment-results.contract';
import { EnrollmentDirectory } from '../../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../../course/published-course-versions.contract';
import { AssessmentFact, AssessmentFactsSource, AssessmentResultFact, EnrolledFact } from '../ports/assessment-facts.source';

/** Reporting's assessment port over the assessment module's AssessmentResults and course's outlines. */
@Injectable()
export class AssessmentFactsAdapter extends AssessmentFactsSource {
  constructor(
    private readonly assessmentResults: AssessmentResults,
    private readonly versions: PublishedCourseVersions,
    private readonly enrollments: EnrollmentDirectory,
  ) {
    super();
  }

  /** Only graded results count as attempted: a submission still being graded is no result yet. */
  async results(enrollmentIds: string[]): Promise<AssessmentResultFact[]> {
    if (enrollmentIds.length === 0) return [];
    return resultFacts(await this.assessmentResults.resultsOfEnrollments(enrollmentIds));
  }

  /**
   * One read of the grades for both, one compact entry per enrollment: the contract answers each
   * enrollment's best scores in its version's outline order, which is the order `results` lists them
   * and the course score sums over, so the facts and figures are the same to the last bit.
   */
  override async resultsAndScores(enrollments: EnrolledFact[]): Promise<{ results: AssessmentResultFact[]; scores: Map<string, number> }> {
    const results: AssessmentResultFact[] = [];
    const scores = new Map<string, number>();
    if (enrollments.length === 0) return { results, scores };
    const [best, outlines] = await Promise.all([
      this.assessmentResults.bestScoresOfEnrolled(enrollments),
      this.versions.getOutlines([...new Set(enrollments.map((e) => e.courseVersionId))]),
    ]);
    const assessmentsOf = new Map(outlines.map((o) => [o.versionId, o.modules.flatMap((m) => m.assessments)]));
    const versionOf = new Map(enrollments.map((e) => [e.enrollmentId, e.courseVersionId]));
    for (const { enrollmentId, bestScores } of best) {
      const assessments = assessmentsOf.get(versionOf.get(enrollmentId)!) ?? [];
      let totalWeight = 0;
      let weighted = 0;
      for (let i = 0; i < assessments.length; i++) {
        const a = assessments[i];
        const score = bestScores[i] ?? null;
        if (score !== null) results.push({ enrollmentId, assessmentId: a.assessmentId, passed: score >= a.passMark, bestScore: score, maxScore: a.maxScore });
        totalWeight += a.weight;
        weighted += a.weight * ((score ?? 0) / a.maxScore);
      }
      if (assessments.length > 0 && totalWeight > 0) scores.set(enrollmentId, Math.round((weighted / totalWeight) * 100 * 100) / 100);
    }
    return { results, scores };
  }

  /**
   * An assessment assesses its own skills and those of its module: instructors most often tag the
   * module, and certificates list both, so attainment must count both or it reads empty.
   */
  async assessments(versionIds: string[]): Promise<AssessmentFact[]> {
    if (versionIds.length === 0) return [];
    const outlines = await this.versions.getOutlines(versionIds);
    return outlines.flatMap((o) =>
      o.modules.flatMap((m) => m.assessments.map((a) => ({
        assessmentId: a.assessmentId, versionId: o.versionId, title: a.title, skillCodes: [...new Set([...m.skillCodes, ...a.skillCodes])].sort(),
      }))),
    );
  }

  /**
   * The contract's course score (weighted over the version's assessments, ungraded counting 0,
   * rounded to 2 places), computed from one batch of results instead of one call per enrollment.
   */
  async courseScores(enrollmentIds: string[]): Promise<Map<string, number>> {
    const scores = new Map<string, number>();
    if (enrollmentIds.length === 0) return scores;
    const refs = await this.enrollments.getEnrollments(enrollmentIds);
    const outlines = new Map((await this.versions.getOutlines([...new Set(refs.map((r) => r.courseVersionId))])).map((o) => [o.versionId, o]));
    const best = new Map((await this.assessmentResults.resultsOfEnrollments(enrollmentIds)).map((r) => [`${r.enrollmentId}:${r.assessmentId}`, r.bestScore]));
    for (const ref of refs) {
      const assessments = outlines.get(ref.courseVersionId)?.modules.flatMap((m) => m.assessments) ?? [];
      const totalWeight = assessments.reduce((sum, a) => sum + a.weight, 0);
      if (assessments.length === 0 || totalWeight <= 0) continue;
      const weighted = assessments.reduce((sum, a) => sum + a.weight * ((best.get(`${ref.enrollmentId}:${a.assessmentId}`) ?? 0) / a.maxScore), 0);
      scores.set(ref.enrollmentId, Math.round((weighted / totalWeight) * 100 * 100) / 100);
    }
    return scores;
  }
}

function resultFacts(results: AssessmentResult[]): AssessmentResultFact[] {
  return results
    .filter((r): r is AssessmentResult & { bestScore: number } => r.bestScore !== null)
    .map((r) => ({ enrollmentId: r.enrollmentId, assessmentId: r.assessmentId, passed: r.passed, bestScore: r.bestScore, maxScore: r.maxScore }));
}
