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

  async listCohortIds(): Promise<string[]> {
    return [...this.cohorts.keys()];
  }

  async applications(cohortId: string): Promise<ApplicationFact[]> {
    return this.applicationsOf.get(cohortId) ?? [];
  }

  async enrollments(cohortId: string): Promise<EnrollmentFact[]> {
    return this.enrollmentsOf.get(cohortId) ?? [];
  }

  async activity(cohortId: string, since: Date): Promise<ActivityFact[]> {
    return (this.activityOf.get(cohortId) ?? []).filter((a) => a.at >= since);
  }
}
