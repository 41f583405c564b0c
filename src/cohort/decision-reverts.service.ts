import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, notFound, Principal } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Application, ApplicationStatus } from './application.entity';
import { ApplicationAudit } from './application-audit.service';
import { applicationView } from './application-views';
import { ApplicationView } from './dto/application.dto';
import { EnrollmentWriter } from './enrollment-writer.service';
import { TrackQuotas } from './track-quotas.service';
import { Waitlist } from './waitlist.service';

/** Trail entries that moved an application from one status to another. */
const STATUS_CHANGES = ['submit', 'shortlist', 'accept', 'waitlist', 'reject', 'withdraw', 'promote', 'revert'];
/** A decision can be undone until the cohort starts: afterwards a seat is a trainee's place in a running course. */
const REVERTIBLE_COHORT_STATUSES = ['planned', 'accepting_applications'];

/**
 * An admin undoes the last status change of an application made by staff (a decision, a waitlist
 * promotion or an earlier revert), with a reason: the application goes back to the status it had.
 * Leaving "accepted" withdraws the enrollment and frees its seat (nobody is promoted into it: the
 * revert corrects a mistake, staff decide who takes the seat); going back to "accepted" takes a
 * seat again, so capacity and the track's quota are checked as for an accept. Audited as a
 * `revert` step and told to the applicant like a decision.
 */
@Injectable()
export class DecisionReverts {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly audit: ApplicationAudit,
    private readonly writer: EnrollmentWriter,
    private readonly waitlist: Waitlist,
    private readonly quotas: TrackQuotas,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async revert(principal: Principal, applicationId: string, reason: string): Promise<ApplicationView> {
    const found = await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId });
    if (!found) throw notFound('Application');
    // Cohort first, then the application: the one lock order of the module.
    const cohort = await this.writer.lockCohort(found.cohortId);
    const application = (await this.txHost.tx.getRepository(Application).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: applicationId }).getOne())!;
    if (!REVERTIBLE_COHORT_STATUSES.includes(cohort.status)) throw conflict('cohort-started', `The cohort is ${cohort.status}: its decisions can no longer be reverted.`);
    const last = [...(await this.audit.trail(applicationId))].reverse().find((entry) => STATUS_CHANGES.includes(entry.action));
    if (!last || last.action === 'submit') throw conflict('nothing-to-revert', 'No decision has been made on this application yet.');
    if (last.action === 'withdraw') throw conflict('withdrawn-by-applicant', 'The applicant withdrew this application: that is theirs to decide, not a decision to revert.');
    const to = last.fromStatus as ApplicationStatus;
    const from = application.status;

    let enrollmentId: string | null = null;
    if (from === 'accepted') {
      const [enrollment] = await this.txHost.tx.query(`SELECT id FROM enrollment WHERE application_id = $1 AND status = 'active'`, [applicationId]);
      if (enrollment) await this.writer.withdraw(cohort, enrollment.id, `Decision reverted: ${reason}`);
    }
    if (to === 'accepted') {
      await this.quotas.requireRoom(cohort, application.courseVersionId);
      enrollmentId = (await this.writer.enroll(cohort, { cohortId: cohort.id, traineeId: application.traineeId, courseVersionId: application.courseVersionId, source: 'application', applicationId })).id;
    }
    await this.txHost.tx.query('UPDATE application SET status = $2, waitlist_rank = NULL, decided_at = now(), updated_at = now() WHERE id = $1', [applicationId, to]);
    const placed = to === 'waitlisted' ? { applicationId, rank: (await this.earlierRank(applicationId)) ?? Number.MAX_SAFE_INTEGER, previousRank: null } : undefined;
    if (placed || from === 'waitlisted') await this.waitlist.renumber(cohort.id, placed);
    const updated = (await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId }))!;
    const auditId = await this.audit.record({ applicationId, actorId: principal.userId, action: 'revert', fromStatus: from, toStatus: to, reason, waitlistRank: updated.waitlistRank });
    await this.outbox.publish('notify', {
      type: 'application-decided',
      eventKey: `application-decided:${auditId}`,
      recipientIds: [application.traineeId],
      data: { applicationId, cohortId: cohort.id, cohortName: cohort.name, decision: 'revert', status: to, reason, waitlistRank: updated.waitlistRank },
    });
    return applicationView(updated, enrollmentId);
  }

  /** The rank the application last had on the waitlist, to put it back there. */
  private async earlierRank(applicationId: string): Promise<number | null> {
    const [row] = await this.txHost.tx.query(
      `SELECT waitlist_rank FROM application_decision WHERE application_id = $1 AND to_status = 'waitlisted' AND waitlist_rank IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
      [applicationId],
    );
    return row?.waitlist_rank ?? null;
  }
}
