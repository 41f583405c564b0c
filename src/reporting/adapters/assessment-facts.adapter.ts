import { Injectable } from '@nestjs/common';
import { AssessmentResult, AssessmentResults } from '../../assessment/assessment-results.contract';
import { EnrollmentDirectory } from '../../cohort/enrollment-directory.contract';
import { AssessmentOutline, CourseVersionOutline, PublishedCourseVersions } from '../../course/published-course-versions.contract';
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
   * One read of the results for both: the contract answers every assessment of each enrollment's
   * version (ungraded ones with no best score) in the outline's order, which is exactly what the
   * course score sums over, in the same order, so the figures are the same to the last bit.
   */
  override async resultsAndScores(enrollments: EnrolledFact[]): Promise<{ results: AssessmentResultFact[]; scores: Map<string, number> }> {
    if (enrollments.length === 0) return { results: [], scores: new Map() };
    const enrollmentIds = enrollments.map((e) => e.enrollmentId);
    const versionIds = [...new Set(enrollments.map((e) => e.courseVersionId))];
    const [all, outlines] = await Promise.all([this.assessmentResults.resultsOfEnrolled(enrollments), this.versions.getOutlines(versionIds)]);
    const weightOf = weightsByAssessment(outlines);
    // An enrollment on a version not listed (never, as reporting asks), or an assessment whose weight
    // or maximum differs between the versions asked about (a result does not say its version): the
    // contract's own way, which reads each enrollment's own version.
    if (!weightOf || all.some((r) => !weightOf.has(r.assessmentId))) return { results: resultFacts(all), scores: await this.courseScores(enrollmentIds) };
    const byEnrollment = new Map<string, AssessmentResult[]>();
    for (const r of all) {
      const list = byEnrollment.get(r.enrollmentId);
      if (list) list.push(r);
      else byEnrollment.set(r.enrollmentId, [r]);
    }
    const scores = new Map<string, number>();
    for (const [enrollmentId, results] of byEnrollment) {
      const totalWeight = results.reduce((sum, r) => sum + weightOf.get(r.assessmentId)!.weight, 0);
      if (totalWeight <= 0) continue;
      const weighted = results.reduce((sum, r) => {
        const a = weightOf.get(r.assessmentId)!;
        return sum + a.weight * ((r.bestScore ?? 0) / a.maxScore);
      }, 0);
      scores.set(enrollmentId, Math.round((weighted / totalWeight) * 100 * 100) / 100);
    }
    return { results: resultFacts(all), scores };
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

/** Each assessment's weight and maximum, or undefined when two versions give one assessment different ones. */
function weightsByAssessment(outlines: CourseVersionOutline[]): Map<string, AssessmentOutline> | undefined {
  const weights = new Map<string, AssessmentOutline>();
  for (const a of outlines.flatMap((o) => o.modules.flatMap((m) => m.assessments))) {
    const seen = weights.get(a.assessmentId);
    if (seen && (seen.weight !== a.weight || seen.maxScore !== a.maxScore)) return undefined;
    weights.set(a.assessmentId, a);
  }
  return weights;
}

function resultFacts(results: AssessmentResult[]): AssessmentResultFact[] {
  return results
    .filter((r): r is AssessmentResult & { bestScore: number } => r.bestScore !== null)
    .map((r) => ({ enrollmentId: r.enrollmentId, assessmentId: r.assessmentId, passed: r.passed, bestScore: r.bestScore, maxScore: r.maxScore }));
}
