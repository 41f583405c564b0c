import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads } from '@gds/database';
import { forbidden, hasRole, notFound, Principal } from '@gds/http';
import { Cohort } from './cohort.entity';

/** What a staff page shows of its cohort besides its own rows. */
export type CohortHeadline = Pick<Cohort, 'id' | 'name' | 'capacity' | 'seatsTaken'>;

/**
 * Who may see and run a cohort. Staff of a cohort: admins and its assigned instructors; reviewers
 * read cohorts (not their trainees: aggregates only). Others get 404: a cohort not theirs to see does not exist for them.
 */
@Injectable()
export class CohortAccess {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reads: DirectReads,
  ) {}

  async isInstructor(userId: string, cohortId: string): Promise<boolean> {
    const rows = await this.reads.query('SELECT 1 FROM cohort_instructor WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
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
    await this.ensureStaff(principal, cohortId);
    return cohort;
  }

  /**
   * `requireStaff` answering only the cohort's headline, read by plain SQL (no entity): the roster,
   * a staff page read on every visit (issue 23's profile showed `findOneBy(Cohort)` in it).
   */
  async requireStaffHeadline(principal: Principal, cohortId: string): Promise<CohortHeadline> {
    const rows = await this.reads.query<CohortHeadline>('SELECT id, name, capacity, seats_taken AS "seatsTaken" FROM cohort WHERE id = $1', [cohortId]);
    if (!rows.length) throw notFound('Cohort');
    await this.ensureStaff(principal, cohortId);
    return rows[0];
  }

  private async ensureStaff(principal: Principal, cohortId: string): Promise<void> {
    if (hasRole(principal, 'admin')) return;
    if (hasRole(principal, 'instructor') && (await this.isInstructor(principal.userId, cohortId))) return;
    if (hasRole(principal, 'reviewer')) throw forbidden('Reviewers have read-only access to cohorts.');
    throw notFound('Cohort');
  }
}
