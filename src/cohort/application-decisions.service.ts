import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, forbidden, hasRole, notFound, Principal, ProblemException, PROBLEM_BASE, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Application, ApplicationStatus, Decision } from './application.entity';
import { ApplicationAudit } from './application-audit.service';
import { applicationView } from './application-views';
import { CohortAccess } from './cohort-access.service';
import { ENROLLING_STATUSES } from './cohort-lifecycle';
import { ApplicationView, BulkDecisionItemDto, BulkDecisionResultView, DecisionDto } from './dto/application.dto';
import { EnrollmentWriter } from './enrollment-writer.service';
import { TrackQuotas } from './track-quotas.service';
import { Waitlist } from './waitlist.service';
import { PrerequisiteChecks } from './prerequisite-checks.service';

/** Which decision may follow which status. Accepted, rejected and withdrawn are final for an application. */
const LEGAL: Record<ApplicationStatus, Decision[]> = {
  submitted: ['shortlist', 'accept', 'waitlist', 'reject'],
  shortlisted: ['accept', 'waitlist', 'reject'],
  waitlisted: ['accept', 'waitlist', 'reject'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};

const STATUS_OF: Record<Decision, ApplicationStatus> = { shortlist: 'shortlisted', accept: 'accepted', waitlist: 'waitlisted', reject: 'rejected' };

/** Staff decide on applications; accepting enrolls the applicant on a seat (409 when none is left, in the cohort or in the quota of the applicant's track). */
@Injectable()
export class ApplicationDecisions {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly audit: ApplicationAudit,
    private readonly writer: EnrollmentWriter,
    private readonly outbox: Outbox,
    private readonly waitlist: Waitlist,
    private readonly quotas: TrackQuotas,
    private readonly prerequisites: PrerequisiteChecks,
  ) {}

  @Transactional()
  async decide(principal: Principal, applicationId: string, input: DecisionDto): Promise<ApplicationView> {
    const found = await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId });
    if (!found) throw notFound('Application');
    const seen = await this.access.requireStaff(principal, found.cohortId);
    // Only an accept enrolls, so only there is a waiver anything (and an admin's alone); other decisions ignore the flag.
    if (input.decision === 'accept' && input.overridePrerequisites && !hasRole(principal, 'admin')) throw forbidden('Only an admin can waive prerequisites.');
    // Fast refusal without queueing on the cohort lock once it is plainly full; the locked path below still decides.
    if (input.decision === 'accept' && seen.seatsTaken >= seen.capacity) throw conflict('cohort-full', `All ${seen.capacity} seats of this cohort are taken.`);
    // Cohort first, then the application: the one lock order of the module.
    const cohort = await this.writer.lockCohort(found.cohortId);
    const application = (await this.txHost.tx.getRepository(Application).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: applicationId }).getOne())!;
    if (!ENROLLING_STATUSES.includes(cohort.status)) throw unprocessable('cohort-closed', `Decisions are closed: the cohort is ${cohort.status}.`);
    if (!LEGAL[application.status].includes(input.decision)) {
      throw unprocessable('illegal-decision', `This application is ${application.status}: the decision "${input.decision}" cannot follow.`, { from: application.status });
    }
    if (input.rank !== undefined && input.decision !== 'waitlist') throw unprocessable('rank-without-waitlist', 'A rank belongs only to a waitlist decision.');
    let enrollmentId: string | null = null;
    let prerequisitesOverridden: string[] | null = null;
    if (input.decision === 'accept') {
      await this.quotas.requireRoom(cohort, application.courseVersionId);
      if (!input.overridePrerequisites) await this.prerequisites.require(application.traineeId, application.courseVersionId, true);
      // A waiver is on the record: which prerequisites the admin let the applicant in without.
      else prerequisitesOverridden = (await this.prerequisites.missing(application.traineeId, application.courseVersionId)).missing.map((c) => c.courseId);
      const enrollment = await this.writer.enroll(cohort, { cohortId: cohort.id, traineeId: application.traineeId, courseVersionId: application.courseVersionId, source: 'application', applicationId });
      enrollmentId = enrollment.id;
    }
    const to = STATUS_OF[input.decision];
    await this.txHost.tx.query('UPDATE application SET status = $2, waitlist_rank = NULL, decided_at = now(), updated_at = now() WHERE id = $1', [applicationId, to]);
    // Ranks stay 1..n: a ranked applicant takes that place and the others make room; leaving the list closes the gap.
    const placed = input.decision === 'waitlist' ? { applicationId, rank: input.rank ?? (await this.nextRank(cohort.id)), previousRank: application.waitlistRank } : undefined;
    if (placed || application.status === 'waitlisted') await this.waitlist.renumber(cohort.id, placed);
    const rank = placed ? (await this.txHost.tx.getRepository(Application).findOneByOrFail({ id: applicationId })).waitlistRank : null;
    const auditId = await this.audit.record({ applicationId, actorId: principal.userId, action: input.decision, fromStatus: application.status, toStatus: to, reason: input.reason, waitlistRank: rank, prerequisitesOverridden });
    await this.outbox.publish('notify', {
      type: 'application-decided',
      eventKey: `application-decided:${auditId}`,
      recipientIds: [application.traineeId],
      data: { applicationId, cohortId: cohort.id, cohortName: cohort.name, decision: input.decision, status: to, reason: input.reason, waitlistRank: rank },
    });
    const updated = (await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId }))!;
    return applicationView(updated, enrollmentId);
  }

  /** Each item is decided in its own transaction and answered with the status it would have had alone. */
  async decideMany(principal: Principal, cohortId: string, items: BulkDecisionItemDto[]): Promise<BulkDecisionResultView[]> {
    await this.access.requireStaff(principal, cohortId);
    const results: BulkDecisionResultView[] = [];
    for (const { applicationId, ...decision } of items) {
      try {
        const application = await this.decideInCohort(principal, cohortId, applicationId, decision);
        results.push({ applicationId, status: 200, application });
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        results.push({ applicationId, status: error.problemStatus, problem: { type: PROBLEM_BASE + error.slug, detail: error.detail } });
      }
    }
    return results;
  }

  private async decideInCohort(principal: Principal, cohortId: string, applicationId: string, decision: DecisionDto): Promise<ApplicationView> {
    const application = await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId });
    // An application of another cohort is not this bulk request's to touch.
    if (!application || application.cohortId !== cohortId) throw notFound('Application');
    return this.decide(principal, applicationId, decision);
  }

  private async nextRank(cohortId: string): Promise<number> {
    const [row] = await this.txHost.tx.query(`SELECT coalesce(max(waitlist_rank), 0) + 1 AS rank FROM application WHERE cohort_id = $1 AND status = 'waitlisted'`, [cohortId]);
    return Number(row.rank);
  }
}
