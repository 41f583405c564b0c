import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { AssessmentResult, AssessmentResults, EnrolledBestScores, EnrolledRef, EnrolledStanding } from './assessment-results.contract';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions, AssessmentOutline } from '../course/published-course-versions.contract';

interface Row {
  enrollment_id: string;
  assessment_id: string;
  best: string | null;
  attempts: number;
  /** Whole epoch milliseconds: the Date pg would parse from the text, without parsing 20,000 timestamps per cohort. */
  last_graded_ms: number | null;
}

/** Results per enrollment and assessment of its course version, for certification and reporting. */
@Injectable()
export class AssessmentResultsService extends AssessmentResults {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
  ) {
    super();
  }

  async resultsOfEnrollment(enrollmentId: string): Promise<AssessmentResult[]> {
    return this.resultsOfEnrollments([enrollmentId]);
  }

  async resultsOfEnrollments(enrollmentIds: string[]): Promise<AssessmentResult[]> {
    // One query, not one per enrollment: this may run inside a transaction (one connection) and over whole cohorts.
    // The submissions are aggregated while the enrollments are looked up (rows of unknown ids are never used).
    const ids = [...new Set(enrollmentIds)];
    if (ids.length === 0) return [];
    const [refs, rows] = await Promise.all([this.enrollments.getEnrollments(ids), this.bestRows(ids)]);
    return this.resultsOf(refs, rows);
  }

  /** No second lookup of enrollments the caller has read: their versions are taken as given. */
  override async resultsOfEnrolled(enrollments: EnrolledRef[]): Promise<AssessmentResult[]> {
    const seen = new Set<string>();
    const refs = enrollments.filter((e) => !seen.has(e.enrollmentId) && seen.add(e.enrollmentId));
    if (refs.length === 0) return [];
    return this.resultsOf(refs, await this.bestRows([...seen]));
  }

  /**
   * One row per enrollment (10,000 for a cohort, not one per assessment): the positions of its
   * assessments among those asked about and their best graded scores as float8 (the Number pg's
   * numeric text gives), placed at each one's position in the enrollment's own outline.
   */
  override async bestScoresOfEnrolled(enrollments: EnrolledRef[]): Promise<EnrolledBestScores[]> {
    const seen = new Set<string>();
    const refs = enrollments.filter((e) => !seen.has(e.enrollmentId) && seen.add(e.enrollmentId));
    if (refs.length === 0) return [];
    const outlines = await this.versions.getOutlines([...new Set(refs.map((e) => e.courseVersionId))]);
    const positions = new Map(outlines.map((o) => [o.versionId, new Map(assessmentsOf(o).map((a, i) => [a.assessmentId, i]))]));
    const lengths = new Map(outlines.map((o) => [o.versionId, assessmentsOf(o).length]));
    const assessmentIds = [...new Set(outlines.flatMap((o) => assessmentsOf(o).map((a) => a.assessmentId)))];
    const rows = (await this.txHost.tx.query(
      `SELECT enrollment_id, array_agg(array_position($2::uuid[], assessment_id)) AS at, array_agg(best) AS best
         FROM (SELECT enrollment_id, assessment_id, (max(score) FILTER (WHERE status = 'graded'))::float8 AS best
                 FROM submission WHERE enrollment_id = ANY($1::uuid[]) GROUP BY enrollment_id, assessment_id) s
        GROUP BY enrollment_id`,
      [[...seen], assessmentIds],
    )) as Array<{ enrollment_id: string; at: Array<number | null>; best: Array<number | null> }>;
    const byEnrollment = new Map(rows.map((r) => [r.enrollment_id, r]));
    return refs.map((e) => {
      const mine = positions.get(e.courseVersionId);
      const bestScores: Array<number | null> = new Array(lengths.get(e.courseVersionId) ?? 0).fill(null);
      const row = byEnrollment.get(e.enrollmentId);
      if (mine && row) {
        for (let i = 0; i < row.at.length; i++) {
          const at = row.at[i] === null ? undefined : mine.get(assessmentIds[row.at[i]! - 1]);
          if (at !== undefined) bestScores[at] = row.best[i];
        }
      }
      return { enrollmentId: e.enrollmentId, bestScores };
    });
  }

  private bestRows(ids: string[]): Promise<Row[]> {
    return this.txHost.tx.query(
      `SELECT enrollment_id, assessment_id, max(score) FILTER (WHERE status = 'graded') AS best, count(*)::int AS attempts, floor(extract(epoch FROM max(graded_at)) * 1000)::float8 AS last_graded_ms
         FROM submission WHERE enrollment_id = ANY($1::uuid[]) GROUP BY enrollment_id, assessment_id`,
      [ids],
    ) as Promise<Row[]>;
  }

  private async resultsOf(refs: EnrolledRef[], rows: Row[]): Promise<AssessmentResult[]> {
    if (refs.length === 0) return [];
    const outlines = new Map((await this.versions.getOutlines([...new Set(refs.map((e) => e.courseVersionId))])).map((o) => [o.versionId, o]));
    // Keyed by enrollment, then assessment: no key string built per row (a cohort has 20,000 of them).
    const byEnrollment = new Map<string, Map<string, Row>>();
    for (const r of rows) {
      const mine = byEnrollment.get(r.enrollment_id);
      if (mine) mine.set(r.assessment_id, r);
      else byEnrollment.set(r.enrollment_id, new Map([[r.assessment_id, r]]));
    }
    return refs.flatMap((enrollment) => {
      const mine = byEnrollment.get(enrollment.enrollmentId);
      return assessmentsOf(outlines.get(enrollment.courseVersionId)).map((a) => toResult(enrollment, a, mine?.get(a.assessmentId)));
    });
  }

  async courseScore(enrollmentId: string): Promise<number | null> {
    const enrollment = await this.enrollments.getEnrollment(enrollmentId);
    if (!enrollment) return null;
    const outline = (await this.versions.getOutlines([enrollment.courseVersionId]))[0];
    if (!hasWeight(outline)) return null;
    return scoreOf(outline, await this.resultsOfEnrollment(enrollmentId));
  }

  /** One read of the submissions for both answers (a progress change's certificate evaluation, issue 23). */
  override async standingOfEnrolled(enrollment: EnrolledRef): Promise<EnrolledStanding> {
    const results = await this.resultsOfEnrolled([enrollment]);
    const outline = (await this.versions.getOutlines([enrollment.courseVersionId]))[0];
    return { results, courseScore: hasWeight(outline) ? scoreOf(outline, results) : null };
  }
}

function hasWeight(outline: { modules: Array<{ assessments: AssessmentOutline[] }> } | undefined): boolean {
  const assessments = assessmentsOf(outline);
  return assessments.length > 0 && assessments.reduce((sum, a) => sum + a.weight, 0) > 0;
}

/** The weighted score 0..100 (two decimals) over the outline's assessments, ungraded ones as 0; for an outline with weight (hasWeight). */
function scoreOf(outline: { modules: Array<{ assessments: AssessmentOutline[] }> } | undefined, results: AssessmentResult[]): number {
  const assessments = assessmentsOf(outline);
  const totalWeight = assessments.reduce((sum, a) => sum + a.weight, 0);
  const byId = new Map(results.map((r) => [r.assessmentId, r]));
  const weighted = assessments.reduce((sum, a) => sum + a.weight * ((byId.get(a.assessmentId)?.bestScore ?? 0) / a.maxScore), 0);
  return Math.round((weighted / totalWeight) * 100 * 100) / 100;
}

function assessmentsOf(outline: { modules: Array<{ assessments: AssessmentOutline[] }> } | undefined): AssessmentOutline[] {
  return outline ? outline.modules.flatMap((m) => m.assessments) : [];
}

function toResult(enrollment: EnrolledRef, a: AssessmentOutline, row: Row | undefined): AssessmentResult {
  const best = row?.best === null || row?.best === undefined ? null : Number(row.best);
  return {
    assessmentId: a.assessmentId,
    enrollmentId: enrollment.enrollmentId,
    traineeId: enrollment.traineeId,
    bestScore: best,
    maxScore: a.maxScore,
    passed: best !== null && best >= a.passMark,
    attempts: row?.attempts ?? 0,
    lastGradedAt: row?.last_graded_ms === null || row?.last_graded_ms === undefined ? null : new Date(row.last_graded_ms),
  };
}
