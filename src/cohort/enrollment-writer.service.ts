import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { conflict, notFound, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Cohort } from './cohort.entity';
import { ENROLLING_STATUSES } from './cohort-lifecycle';
import { CohortStartNotices } from './cohort-start-notices.service';
import { Enrollment, EnrollmentSource } from './enrollment.entity';

export interface NewEnrollment {
  cohortId: string;
  traineeId: string;
  courseVersionId: string;
  source: EnrollmentSource;
  applicationId?: string | null;
}

/**
 * Takes and frees seats. Capacity holds under any concurrency because every enrollment change
 * first locks the cohort row (callers lock the cohort before anything else of it: one lock order,
 * no deadlocks), the seat counter only moves while `seats_taken < capacity`, and a CHECK in the
 * database refuses a counter past capacity should any code path forget.
 */
@Injectable()
export class EnrollmentWriter {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly startNotices: CohortStartNotices,
  ) {}

  /**
   * Locks the cohort row for the rest of the transaction. Must be the first lock a transaction takes
   * on a cohort's data. FOR NO KEY UPDATE, not FOR UPDATE: it serialises seat changes but lets other
   * transactions insert rows referring to the cohort (their foreign-key share locks), which FOR
   * UPDATE would block into deadlocks with progress writes.
   */
  async lockCohort(cohortId: string): Promise<Cohort> {
    const cohort = await this.txHost.tx.getRepository(Cohort).createQueryBuilder('c').setLock('for_no_key_update').where('c.id = :id', { id: cohortId }).getOne();
    if (!cohort) throw notFound('Cohort');
    return cohort;
  }

  /** Enrolls (or re-activates a withdrawn enrollment). The caller holds the cohort lock. */
  async enroll(cohort: Cohort, input: NewEnrollment): Promise<Enrollment> {
    if (!ENROLLING_STATUSES.includes(cohort.status)) {
      throw unprocessable('cohort-not-enrolling', `A ${cohort.status} cohort takes no enrollments.`);
    }
    const repo = this.txHost.tx.getRepository(Enrollment);
    const existing = await repo.findOneBy({ cohortId: cohort.id, traineeId: input.traineeId });
    if (existing && existing.status !== 'withdrawn') throw conflict('already-enrolled', 'The trainee is already enrolled in this cohort.', { enrollmentId: existing.id });
    await this.takeSeat(cohort);
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.update(id, {
        status: 'active', source: input.source, courseVersionId: input.courseVersionId, applicationId: input.applicationId ?? null,
        enrolledAt: new Date(), withdrawnAt: null, withdrawalReason: null, completedAt: null,
      });
    } else {
      const [row] = await this.txHost.tx.query(
        `INSERT INTO enrollment (cohort_id, trainee_id, course_version_id, application_id, source) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [cohort.id, input.traineeId, input.courseVersionId, input.applicationId ?? null, input.source],
      );
      id = row.id;
    }
    const enrollment = (await repo.findOneBy({ id }))!;
    await this.outbox.publish('notify', {
      type: 'enrolled',
      eventKey: `enrolled:${id}:${enrollment.enrolledAt.getTime()}`,
      recipientIds: [input.traineeId],
      data: { enrollmentId: id, cohortId: cohort.id, cohortName: cohort.name, courseVersionId: input.courseVersionId, startsAt: cohort.startsAt.toISOString() },
    });
    // Joining after the cohort started or its start notice went out: the start-day scan does not tell this trainee.
    await this.startNotices.welcomeLateJoiner(cohort, enrollment, input.traineeId);
    // The first recompute writes the module states (and tells of modules already open).
    await this.outbox.publish('recompute-progress', { enrollmentId: id });
    return enrollment;
  }

  /** Frees the seat of an active enrollment. The caller holds the cohort lock. */
  async withdraw(cohort: Cohort, enrollmentId: string, reason: string | null): Promise<void> {
    const [rows] = await this.txHost.tx.query(
      `UPDATE enrollment SET status = 'withdrawn', withdrawn_at = now(), withdrawal_reason = $2 WHERE id = $1 AND status = 'active' RETURNING id`,
      [enrollmentId, reason],
    );
    if (rows.length === 0) throw unprocessable('not-active', 'Only an active enrollment can be withdrawn.');
    await this.txHost.tx.query('UPDATE cohort SET seats_taken = seats_taken - 1 WHERE id = $1', [cohort.id]);
    cohort.seatsTaken -= 1;
  }

  private async takeSeat(cohort: Cohort): Promise<void> {
    const [rows] = await this.txHost.tx.query(
      'UPDATE cohort SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity RETURNING seats_taken',
      [cohort.id],
    );
    if (rows.length === 0) throw conflict('cohort-full', `All ${cohort.capacity} seats of this cohort are taken.`);
    cohort.seatsTaken = rows[0].seats_taken;
  }
}
