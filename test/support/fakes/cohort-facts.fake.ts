import { ActivityFact, ApplicationFact, CohortFact, CohortFactsSource, EnrollmentFact } from '../../../src/reporting/ports/cohort-facts.source';

/** In-memory cohort facts for reporting's tests; the cohort module binds the real port at merge. */
export class FakeCohortFacts extends CohortFactsSource {
  readonly cohorts = new Map<string, CohortFact>();
  readonly applicationsOf = new Map<string, ApplicationFact[]>();
  readonly enrollmentsOf = new Map<string, EnrollmentFact[]>();
  readonly activityOf = new Map<string, ActivityFact[]>();

  async cohort(cohortId: string): Promise<CohortFact | null> {
    return this.cohorts.get(cohortId) ?? null;
  }

  /** The latest start first, as the cohort module lists them (test/contracts/cohort-facts.contract-suite.ts). */
  async listCohortIds(): Promise<string[]> {
    return [...this.cohorts.values()]
      .sort((a, b) => (b.startsAt?.getTime() ?? 0) - (a.startsAt?.getTime() ?? 0) || a.cohortId.localeCompare(b.cohortId))
      .map((c) => c.cohortId);
  }

  /** In the order they were submitted (stable among equal times), as the cohort module answers them. */
  async applications(cohortId: string): Promise<ApplicationFact[]> {
    return [...(this.applicationsOf.get(cohortId) ?? [])].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  }

  /** In the order of enrolment, then by id, as the cohort module answers them. */
  async enrollments(cohortId: string): Promise<EnrollmentFact[]> {
    return [...(this.enrollmentsOf.get(cohortId) ?? [])].sort((a, b) => a.enrolledAt.getTime() - b.enrolledAt.getTime() || a.enrollmentId.localeCompare(b.enrollmentId));
  }

  async activity(cohortId: string, since: Date): Promise<ActivityFact[]> {
    return (this.activityOf.get(cohortId) ?? []).filter((a) => a.at >= since);
  }
}
