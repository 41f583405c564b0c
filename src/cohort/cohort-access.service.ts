import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { forbidden, hasRole, notFound, Principal } from '@gds/http';
import { Cohort } from './cohort.entity';

/**
 * Who may see and run a cohort. Staff of a cohort: admins and its assigned instructors; reviewers
 * read cohorts (not their trainees: aggregates only). Others get 404: a cohort not theirs to see does not exist for them.
 */
@Injectable()
export class CohortAccess {
  constructor(private readonly txHost: AppTransactionHost) {}

  async isInstructor(userId: string, cohortId: string): Promise<boolean> {
    const rows = await this.txHost.tx.query('SELECT 1 FROM cohort_instructor WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
    return rows.length > 0;
  }

  async cohort(cohortId: string): Promise<Cohort> {
    const cohort = await this.txHost.tx.getRepository(Cohort).findOneBy({ id: cohortId });
    if (!cohort) throw notFound('Cohort');
    return cohort;
  }

  /** Admin or an instructor of this cohort; a reviewer may look but not act (403); anyone else 404. */
  async requireStaff(principal: Principal, cohortId: string): Promise<Cohort> {
    const cohort = await this.cohort(cohortId);
    if (hasRole(principal, 'admin')) return cohort;
    if (hasRole(principal, 'instructor') && (await this.isInstructor(principal.userId, cohortId))) return cohort;
    if (hasRole(principal, 'reviewer')) throw forbidden('Reviewers have read-only access to cohorts.');
    throw notFound('Cohort');
  }
}
