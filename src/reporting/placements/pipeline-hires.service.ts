import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { DEFAULT_TIME_ZONE, localDate } from '@gds/time';
import { UserDirectory } from '../../identity/identity.module';
import { OrganisationDirectory } from '../../organisation/organisation-directory.contract';
import { TalentPipeline } from '../../talent/talent-pipeline.contract';
import { EnrollmentDirectory } from '../../cohort/enrollment-directory.contract';
import { CohortFactsSource } from '../ports/cohort-facts.source';
import { CohortOutcomes } from '../cohort-outcomes.service';
import { addDays, dayOf, followUpFrom } from './placement-dates';

const notifyJobId = (eventKey: string) => `notify.${eventKey.replace(/:/g, '.')}`;

/**
 * Placements from the talent pipeline: a hire the employer confirmed becomes an employer-confirmed
 * placement (once per interview request), starting the day of the hire, with its 3- and 6-month
 * follow-ups scheduled; a daily scan tells the cohort's staff and the hiring employer when each
 * falls due, once.
 */
@Injectable()
export class PipelineHires {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly talent: TalentPipeline,
    private readonly organisations: OrganisationDirectory,
    private readonly cohorts: CohortFactsSource,
    private readonly users: UserDirectory,
    private readonly outcomes: CohortOutcomes,
    private readonly outbox: Outbox,
    private readonly enrollments: EnrollmentDirectory,
  ) {}

  /** The cohort's zone: its days (a placement's start, a follow-up's due day) are counted there. */
  private async zoneOf(cohortId: string): Promise<string> {
    return (await this.enrollments.enrollmentsOfCohort(cohortId))[0]?.cohortTimeZone ?? DEFAULT_TIME_ZONE;
  }

  @JobHandler('record-pipeline-hire')
  async handleHire(job: HandledJob<'record-pipeline-hire'>): Promise<void> {
    await this.record(job.data.interviewRequestId);
  }

  @JobHandler('scan-placement-follow-ups')
  async handleScan(_job: HandledJob<'scan-placement-follow-ups'>): Promise<void> {
    await this.scanDue();
  }

  /** Idempotent: a repeated job finds the placement made and does nothing. */
  @Transactional()
  async record(interviewRequestId: string): Promise<string | null> {
    const hire = await this.talent.hire(interviewRequestId);
    if (!hire) return null;
    const [organisation] = await this.organisations.findByIds([hire.organisationId]);
    const startsOn = localDate(new Date(hire.hiredAt), await this.zoneOf(hire.cohortId));
    const employer = organisation?.name ?? hire.organisationId;
    // No conflict target: besides the one placement per request, a placement of the same role at the
    // same employer from the same day may exist already (the trainee reported it), and is this hire.
    const inserted: Array<{ id: string }> = await this.txHost.tx.query(
      `INSERT INTO placement (cohort_id, trainee_id, kind, role, employer, starts_on, source, recorded_by, interview_request_id)
       VALUES ($1, $2, 'new_role', $3, $4, $5, 'employer_confirmed', $6, $7)
       ON CONFLICT DO NOTHING RETURNING id`,
      [hire.cohortId, hire.traineeId, hire.roleTitle, employer, startsOn, hire.recordedBy, interviewRequestId],
    );
    // The reported one becomes this hire's (employer-confirmed now, recorded by the employer user
    // who confirmed it, not the trainee who typed it in); one already linked (to this request: a
    // repeated job; or to another) is left as it is.
    const placementId = inserted[0]?.id ?? ((await this.txHost.tx.query(
      `UPDATE placement SET interview_request_id = $6, source = 'employer_confirmed', recorded_by = $7, updated_at = now()
        WHERE cohort_id = $1 AND trainee_id = $2 AND starts_on = $3 AND lower(role) = lower($4) AND lower(employer) = lower($5) AND interview_request_id IS NULL
        RETURNING id`,
      [hire.cohortId, hire.traineeId, startsOn, hire.roleTitle, employer, interviewRequestId, hire.recordedBy],
    )) as [Array<{ id: string }>, number])[0][0]?.id;
    if (!placementId) return null;
    await this.txHost.tx.query(
      'INSERT INTO placement_follow_up_due (placement_id, month, due_on) VALUES ($1, 3, $2), ($1, 6, $3) ON CONFLICT DO NOTHING',
      [placementId, followUpFrom(startsOn, 3), followUpFrom(startsOn, 6)],
    );
    await this.outcomes.invalidate(hire.cohortId);
    return placementId;
  }

  /**
   * Claims the follow-ups due by today in their cohort's zone, not yet announced, and tells staff;
   * answers how many. Candidates are those due by the latest day anywhere (the UTC day + 1).
   */
  @Transactional()
  async scanDue(now = new Date()): Promise<number> {
    const candidates: Array<{ placement_id: string; month: number; cohort_id: string; due_on: string }> = await this.txHost.tx.query(
      `SELECT d.placement_id, d.month, p.cohort_id, d.due_on::text AS due_on FROM placement_follow_up_due d JOIN placement p ON p.id = d.placement_id
        WHERE d.notified_at IS NULL AND d.due_on <= $1 FOR UPDATE OF d SKIP LOCKED`,
      [addDays(dayOf(now), 1)],
    );
    const todays = new Map<string, string>();
    for (const cohortId of new Set(candidates.map((c) => c.cohort_id))) todays.set(cohortId, localDate(now, await this.zoneOf(cohortId)));
    const claim = candidates.filter((c) => c.due_on <= todays.get(c.cohort_id)!);
    const due: Array<{ placement_id: string; month: number; cohort_id: string; role: string; employer: string; recorded_by: string | null; trainee_id: string }> = claim.length === 0 ? [] : (
      await this.txHost.tx.query(
        `UPDATE placement_follow_up_due d SET notified_at = now() FROM placement p, unnest($1::uuid[], $2::int[]) AS c(placement_id, month)
          WHERE p.id = d.placement_id AND d.placement_id = c.placement_id AND d.month = c.month AND d.notified_at IS NULL
        RETURNING d.placement_id, d.month, p.cohort_id, p.role, p.employer, p.recorded_by, p.trainee_id`,
        [claim.map((c) => c.placement_id), claim.map((c) => c.month)],
      )
    )[0];
    const admins = due.length > 0 ? await this.users.idsWithRole('admin') : [];
    const items = [];
    for (const row of due) {
      const instructors = (await this.cohorts.cohort(row.cohort_id))?.instructorIds ?? [];
      const eventKey = `placement-follow-up-due:${row.placement_id}:${row.month}`;
      items.push({
        payload: {
          type: 'placement-follow-up-due' as const,
          eventKey,
          recipientIds: [...new Set([...admins, ...instructors, ...(row.recorded_by ? [row.recorded_by] : [])])],
          data: { placementId: row.placement_id, cohortId: row.cohort_id, traineeId: row.trainee_id, month: row.month, role: row.role, employer: row.employer },
        },
        jobId: notifyJobId(eventKey),
      });
    }
    await this.outbox.publishMany('notify', items);
    return due.length;
  }
}
