import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { AppConfig } from '../config/app-config';
import { OTHER } from './disclosure/category-recoding';
import { CohortFact, CohortFactsSource, EnrollmentFact } from './ports/cohort-facts.source';
import { localDate } from '@gds/time';
import { followUpDateProblem, placementDateProblem } from './placements/placement-dates';
import { AssessmentFactsSource } from './ports/assessment-facts.source';
import { CertificateFactsSource } from './ports/certificate-facts.source';
import type { OutcomeInputs, PersonFact, PlacementFact } from './outcome-inputs';
import { ACTIVITY_WEEKS } from './cohort-outcome-report';
import { TalentPipeline } from '../talent/talent-pipeline.contract';

/** Gathers, through reporting's ports and its own tables, every fact a cohort report counts. */
@Injectable()
export class OutcomeFacts {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly cohorts: CohortFactsSource,
    private readonly assessments: AssessmentFactsSource,
    private readonly certificates: CertificateFactsSource,
    private readonly directory: UserDirectory,
    private readonly organisations: OrganisationDirectory,
    private readonly config: AppConfig,
    private readonly talent: TalentPipeline,
  ) {}

  /**
   * Three pool connections at most, each for one lane: the weekly activity (an aggregate of every
   * lesson completion and grade of the cohort) from the start, then the reads that need only the
   * cohort (applications, placements); once the enrollments are read, the results (an aggregate of
   * every submission) beside the reads that need the enrollments, one after another. The two large
   * aggregates overlap instead of the second waiting for the first, the short reads fill the lanes
   * the aggregates leave free (no lane of small reads outlasts them), and a report does not take a
   * connection per statement from a pool that other requests share.
   */
  async gather(cohort: CohortFact, asOf: Date, minCellSize: number): Promise<OutcomeInputs> {
    const versionIds = cohort.courseVersions.map((v) => v.versionId);
    const enrollmentsRead = this.cohorts.enrollments(cohort.cohortId);
    const [{ activity, applications, placements, zones }, { results, scores }, small] = await Promise.all([
      (async () => {
        // Activity is only ever counted as distinct trainees per week back from asOf: one row per trainee and week does.
        const activity = await this.cohorts.weeklyActivity(cohort.cohortId, asOf, ACTIVITY_WEEKS);
        const applications = await this.cohorts.applications(cohort.cohortId);
        const placements = await this.placements(cohort.cohortId);
        const zones = await this.zonesOf([...new Set(placements.map((p) => p.traineeId))]);
        return { activity, applications, placements, zones };
      })(),
      enrollmentsRead.then((enrollments) => this.assessments.resultsAndScores(enrollments)),
      enrollmentsRead.then(async (enrollments) => {
        const traineeIds = [...new Set(enrollments.map((e) => e.traineeId))];
        const assessments = await this.assessments.assessments(versionIds);
        const certificates = await this.certificates.certificates(enrollments.map((e) => e.enrollmentId));
        const people = await this.people(traineeIds);
        const pipeline = await this.talent.stagesOf(traineeIds);
        return { enrollments, assessments, certificates, people, pipeline };
      }),
    ]);
    const { enrollments, assessments, certificates, people, pipeline } = small;
    return {
      cohort, applications, enrollments, activity, results, assessments, scores, certificates, people,
      placements: countablePlacements(placements, cohort, enrollments, asOf, zones), pipeline, asOf, minCellSize,
    };
  }

  /** Each trainee's own zone: a placement's "today" is theirs, as when it was recorded (Placements). */
  private async zonesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return new Map((await this.directory.findByIds(ids)).map((p) => [p.id, p.timeZone]));
  }

  /**
   * Consenting trainees' categories as reports label them: a listed district or "other"; an
   * employer organisation's current name or "other". Everyone else is "not given".
   */
  private async people(ids: string[]): Promise<Map<string, PersonFact>> {
    const found = await this.directory.demographicsOf(ids);
    const orgIds = found.map((p) => p.employer).filter((e): e is string => !!e && e !== OTHER);
    const names = new Map((await this.organisations.findByIds(orgIds)).map((o) => [o.id, o.name]));
    const districts = new Set(this.config.profileDistricts);
    const district = (d: string | null) => (d === null ? null : districts.has(d) ? d : OTHER);
    const employer = (e: string | null) => (e === null ? null : (names.get(e) ?? OTHER));
    return new Map(found.map((p) => [p.id, { gender: p.gender, birthYear: p.birthYear, district: district(p.district), employer: employer(p.employer) }]));
  }

  private async placements(cohortId: string): Promise<PlacementFact[]> {
    const rows: Array<{ trainee_id: string; starts_on: string; follow_ups: Array<{ month: 3 | 6; stillInRole: boolean; checkedOn: string }> }> = await this.txHost.tx.query(
      `SELECT p.trainee_id, p.starts_on::text AS starts_on,
              coalesce(json_agg(json_build_object('month', f.month, 'stillInRole', f.still_in_role, 'checkedOn', f.checked_on::text)) FILTER (WHERE f.month IS NOT NULL), '[]') AS follow_ups
         FROM placement p LEFT JOIN placement_follow_up f ON f.placement_id = p.id
        WHERE p.cohort_id = $1
        GROUP BY p.id`,
      [cohortId],
    );
    return rows.map((r) => ({ traineeId: r.trainee_id, startsOn: r.starts_on, followUps: r.follow_ups }));
  }
}

/**
 * Only placements and follow-ups whose dates are possible count (recorded before the rules, or by
 * hand in the database, they stay listed for staff to correct but never reach a funder's figures).
 * The days are counted as when they were recorded: the cohort's in its zone, "today" in the trainee's.
 */
function countablePlacements(placements: PlacementFact[], cohort: CohortFact, enrollments: EnrollmentFact[], asOf: Date, zones: Map<string, string>): PlacementFact[] {
  const todayOf = (traineeId: string) => localDate(asOf, zones.get(traineeId) ?? cohort.timeZone);
  const courseStartsOn = cohort.startsAt ? localDate(cohort.startsAt, cohort.timeZone) : null;
  const firstEnrolled = new Map<string, number>();
  for (const e of enrollments) firstEnrolled.set(e.traineeId, Math.min(firstEnrolled.get(e.traineeId) ?? Infinity, e.enrolledAt.getTime()));
  return placements
    .filter((p) => {
      const enrolled = firstEnrolled.get(p.traineeId);
      const bounds = { today: todayOf(p.traineeId), courseStartsOn, enrolledOn: enrolled === undefined ? null : localDate(new Date(enrolled), cohort.timeZone) };
      return placementDateProblem(p.startsOn, bounds) === null;
    })
    .map((p) => ({ ...p, followUps: p.followUps.filter((f) => followUpDateProblem(p.startsOn, f.month, f.checkedOn, todayOf(p.traineeId)) === null) }));
}
