import { Injectable } from '@nestjs/common';
import { hasRole, notFound, Principal } from '@gds/http';
import { CohortFact, CohortFactsSource } from './ports/cohort-facts.source';

/**
 * Who may read which cohort's outcomes: admins and reviewers every cohort, instructors the cohorts
 * they teach. A cohort the caller may not see answers 404, like one that does not exist.
 */
@Injectable()
export class ReportAccess {
  constructor(private readonly cohorts: CohortFactsSource) {}

  async visibleCohort(principal: Principal, cohortId: string): Promise<CohortFact> {
    const cohort = await this.cohorts.cohort(cohortId);
    if (!cohort || !this.maySee(principal, cohort)) throw notFound('Cohort');
    return cohort;
  }

  async visibleCohorts(principal: Principal): Promise<CohortFact[]> {
    const ids = await this.cohorts.listCohortIds();
    const cohorts = await Promise.all(ids.map((id) => this.cohorts.cohort(id)));
    return cohorts.filter((c): c is CohortFact => !!c && this.maySee(principal, c));
  }

  maySee(principal: Principal, cohort: CohortFact): boolean {
    if (hasRole(principal, 'admin', 'reviewer')) return true;
    return hasRole(principal, 'instructor') && cohort.instructorIds.includes(principal.userId);
  }

  /** Instructors and admins manage placements; reviewers never see individual records. */
  mayManage(principal: Principal, cohort: CohortFact): boolean {
    if (hasRole(principal, 'admin')) return true;
    return hasRole(principal, 'instructor') && cohort.instructorIds.includes(principal.userId);
  }
}
