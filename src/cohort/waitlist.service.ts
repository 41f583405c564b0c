import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { Outbox } from '@gds/queue';
import { Application } from './application.entity';
import { ApplicationAudit } from './application-audit.service';
import { Cohort } from './cohort.entity';
import { ENROLLING_STATUSES } from './cohort-lifecycle';
import { EnrollmentWriter } from './enrollment-writer.service';
import { notifyJobId } from './job-ids';

/** When a seat frees up, the top of the waitlist (lowest rank, then earliest) takes it. */
@Injectable()
export class Waitlist {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly writer: EnrollmentWriter,
    private readonly audit: ApplicationAudit,
    private readonly outbox: Outbox,
  ) {}

  /** Promotes the next waitlisted applicant into a free seat. The caller holds the cohort lock. */
  async promoteNext(cohort: Cohort, actorId: string | null): Promise<string | null> {
    if (!ENROLLING_STATUSES.includes(cohort.status) || cohort.seatsTaken >= cohort.capacity) return null;
    const next = await this.txHost.tx
      .getRepository(Application)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where("a.cohortId = :id AND a.status = 'waitlisted'", { id: cohort.id })
      .andWhere("NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.cohort_id = a.cohort_id AND e.trainee_id = a.trainee_id AND e.status <> 'withdrawn')")
      .orderBy('a.waitlistRank', 'ASC', 'NULLS LAST')
      .addOrderBy('a.submittedAt', 'ASC')
      .limit(1)
      .getOne();
    if (!next) return null;
    const enrollment = await this.writer.enroll(cohort, { cohortId: cohort.id, traineeId: next.traineeId, courseVersionId: next.courseVersionId, source: 'waitlist', applicationId: next.id });
    await this.txHost.tx.query(`UPDATE application SET status = 'accepted', waitlist_rank = NULL, decided_at = now(), updated_at = now() WHERE id = $1`, [next.id]);
    await this.audit.record({ applicationId: next.id, actorId, action: 'promote', fromStatus: 'waitlisted', toStatus: 'accepted', reason: 'A seat became free.' });
    await this.outbox.publish('notify', {
      type: 'promoted-from-waitlist',
      eventKey: `promoted:${next.id}`,
      recipientIds: [next.traineeId],
      data: { applicationId: next.id, enrollmentId: enrollment.id, cohortId: cohort.id, cohortName: cohort.name },
    }, { jobId: notifyJobId(`promoted:${next.id}`) });
    return enrollment.id;
  }
}
