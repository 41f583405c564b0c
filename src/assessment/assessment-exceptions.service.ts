import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { EnrollmentDirectory, EnrollmentRef } from '../cohort/enrollment-directory.contract';
import { TraineeEnrollments } from './trainee-enrollments.service';
import { AssessmentExceptionView, GrantExceptionDto } from './dto/assessment-exception.dto';

interface ExceptionRow {
  id: string;
  assessment_id: string;
  cohort_id: string;
  enrollment_id: string;
  trainee_id: string;
  due_at: Date | null;
  extra_attempts: number;
  reason: string;
  granted_by: string;
  granted_at: Date;
}

const COLUMNS = 'id, assessment_id, cohort_id, enrollment_id, trainee_id, due_at, extra_attempts, reason, granted_by, granted_at';

/**
 * Per-trainee exceptions: the cohort's instructors or an admin give one trainee or a group a later
 * due date or extra attempts, with a reason. Each grant is a row of its own (the audit trail) and
 * tells the trainee; every trainee named must be enrolled, or nothing is granted.
 */
@Injectable()
export class AssessmentExceptions {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
    private readonly trainees: TraineeEnrollments,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async grant(principal: Principal, cohortId: string, assessmentId: string, input: GrantExceptionDto): Promise<AssessmentExceptionView[]> {
    await this.requireStaff(principal, cohortId);
    if (input.dueAt === undefined && input.extraAttempts === undefined) {
      throw unprocessable('exception-empty', 'Grant a later due date (dueAt), extra attempts (extraAttempts) or both.');
    }
    if (input.dueAt !== undefined && Date.parse(input.dueAt) <= Date.now()) {
      throw unprocessable('extension-in-past', 'An extension moves the due date into the future; this date has passed.', { errors: [{ field: 'dueAt', message: 'must be in the future' }] });
    }
    const targets = await this.enrollmentsOf(cohortId, input.traineeIds);
    const located = [];
    for (const enrollment of targets) {
      const found = await this.trainees.inEnrollment(enrollment, assessmentId);
      if (!found) throw notFound('Assessment');
      located.push(found);
    }
    const views: AssessmentExceptionView[] = [];
    for (const { enrollment, frozen } of located) {
      const [row]: ExceptionRow[] = await this.txHost.tx.query(
        `INSERT INTO assessment_exception (enrollment_id, assessment_id, cohort_id, trainee_id, due_at, extra_attempts, reason, granted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [enrollment.enrollmentId, assessmentId, cohortId, enrollment.traineeId, input.dueAt ?? null, input.extraAttempts ?? 0, input.reason, principal.userId],
      );
      const eventKey = `exception:${row.id}`;
      await this.outbox.publish('notify', {
        type: 'assessment-exception-granted',
        eventKey,
        recipientIds: [enrollment.traineeId],
        data: { assessmentId, assessmentTitle: frozen.title, cohortId, dueAt: input.dueAt ?? null, extraAttempts: input.extraAttempts ?? 0, reason: input.reason },
      });
      views.push(viewOf(row));
    }
    return views;
  }

  /** The grants of one assessment in a cohort, oldest first: the cohort staff's audit trail. */
  async list(principal: Principal, cohortId: string, assessmentId: string): Promise<AssessmentExceptionView[]> {
    await this.requireStaff(principal, cohortId);
    const rows: ExceptionRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM assessment_exception WHERE cohort_id = $1 AND assessment_id = $2 ORDER BY granted_at, id LIMIT 5000`,
      [cohortId, assessmentId],
    );
    return rows.map(viewOf);
  }

  /** Admins, and the instructors of this cohort; anyone else learns nothing of it (404). */
  private async requireStaff(principal: Principal, cohortId: string): Promise<void> {
    const allowed = hasRole(principal, 'admin')
      ? await this.enrollments.cohortExists(cohortId)
      : hasRole(principal, 'instructor') && (await this.enrollments.isCohortInstructor(principal.userId, cohortId));
    if (!allowed) throw notFound('Cohort');
  }

  /** The active enrollment of each trainee named; 422 naming those without one. */
  private async enrollmentsOf(cohortId: string, traineeIds: string[]): Promise<EnrollmentRef[]> {
    const active = new Map((await this.enrollments.enrollmentsOfCohort(cohortId)).filter((e) => e.status === 'active').map((e) => [e.traineeId, e]));
    const missing = traineeIds.filter((id) => !active.has(id));
    if (missing.length > 0) {
      throw unprocessable('trainee-not-in-cohort', 'Every trainee named must be actively enrolled in this cohort.', { traineeIds: missing });
    }
    return traineeIds.map((id) => active.get(id)!);
  }
}

function viewOf(row: ExceptionRow): AssessmentExceptionView {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    cohortId: row.cohort_id,
    enrollmentId: row.enrollment_id,
    traineeId: row.trainee_id,
    dueAt: row.due_at?.toISOString() ?? null,
    extraAttempts: row.extra_attempts,
    reason: row.reason,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at.toISOString(),
  };
}
