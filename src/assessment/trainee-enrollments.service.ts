import { Injectable } from '@nestjs/common';
import { AppTransactionHost, namedStatement, NamedStatement, namedStatementInTransaction } from '@gds/database';
import { addLocalDays } from '@gds/time';
import { EnrollmentDirectory, EnrollmentRef, EnrollmentWithModuleLock } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { asFrozen, FrozenAssessment } from './frozen-assessment';
import { attemptLockSql } from './attempt-lock';

export interface TraineeAssessment {
  enrollment: EnrollmentRef;
  moduleId: string;
  frozen: FrozenAssessment;
  /** When the assessment is due for this enrollment, or null when it has no due date. */
  dueAt: Date | null;
}

/**
 * Finds, for a trainee, the enrollment whose course version contains an assessment (an active one
 * first, else a completed one: a trainee who finished keeps reading their work), and the assessment
 * as that version froze it. Withdrawn enrollments give no access.
 */
@Injectable()
export class TraineeEnrollments {
  /** `locateUnderAttemptLock`'s statement and the directory's parser of its rows; null with a directory that has no SQL form. */
  private readonly lockedLocate: { statement: NamedStatement; parse: (rows: readonly object[]) => EnrollmentWithModuleLock[] } | null;

  constructor(
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
    private readonly txHost: AppTransactionHost,
  ) {
    const form = enrollments.enrollmentsWithModuleLocksSql('$1::uuid');
    this.lockedLocate = form && { statement: lockedLocateStatement(form.sql), parse: form.parse };
  }

  /** Whether `locateUnderAttemptLock` can answer (the bound directory gives its list as SQL). */
  get locatesUnderAttemptLock(): boolean {
    return this.lockedLocate !== null;
  }

  /**
   * `locateWithModuleLock` for work that takes the trainee's attempt lock (a submit), with the lock
   * taken and the exceptions granted applied, in one statement on the transaction's connection: the
   * attempt lock, the trainee's enrollments with their module lock facts (the cohort module's SQL,
   * EnrollmentDirectory.enrollmentsWithModuleLocksSql) and each one's exceptions on the assessment.
   * A submit read the enrollments on the pool, then opened its transaction and took the lock with the
   * exceptions: one round trip fewer (issue 23 item 3). The reads see what was committed when the
   * statement began, as the exceptions' read did before (the lock is taken inside the statement,
   * after its snapshot) and as the enrollments' read did, which came before the transaction. What the
   * lock serialises is the attempts and submissions, and those are read by the next statement, whose
   * snapshot is taken with the lock held. Null when the trainee has no enrollment with the assessment.
   */
  async locateUnderAttemptLock(traineeId: string, assessmentId: string): Promise<{ located: TraineeAssessment; moduleLock: () => Promise<{ opensAt: Date } | null> } | null> {
    if (!this.lockedLocate) throw new Error('locateUnderAttemptLock needs a directory that gives its list as SQL (locatesUnderAttemptLock)');
    const rows = await namedStatementInTransaction<{ granted_due_at: Date | null; granted_extra: number }>(this.txHost.tx, this.lockedLocate.statement, [traineeId, assessmentId]);
    const all = this.lockedLocate.parse(rows);
    const located = await this.locateIn(all.map((e) => e.enrollment), assessmentId, false);
    if (!located) return null;
    const index = all.findIndex((e) => e.enrollment === located.enrollment);
    return {
      located: withExceptions(located, { dueAt: rows[index].granted_due_at, extra: rows[index].granted_extra }),
      moduleLock: () => all[index].moduleLock(located.moduleId),
    };
  }

  /**
   * `withGranted: false` leaves out the exceptions granted to the trainee (attempts and due date as
   * the schedule has them): for a caller that reads them itself, under its attempt lock (a submit).
   */
  async locate(traineeId: string, assessmentId: string, withGranted = true): Promise<TraineeAssessment | null> {
    return this.locateIn(await this.enrollments.enrollmentsOf(traineeId), assessmentId, withGranted);
  }

  /**
   * `locate`, with the module lock of the enrollment found (its module's, for the assessment), read
   * with the enrollments in one statement (EnrollmentDirectory.enrollmentsWithModuleLocks): for work.
   */
  async locateWithModuleLock(traineeId: string, assessmentId: string, withGranted = true): Promise<{ located: TraineeAssessment; moduleLock: () => Promise<{ opensAt: Date } | null> } | null> {
    const all = await this.enrollments.enrollmentsWithModuleLocks(traineeId);
    const located = await this.locateIn(all.map((e) => e.enrollment), assessmentId, withGranted);
    if (!located) return null;
    const found = all.find((e) => e.enrollment === located.enrollment)!;
    return { located, moduleLock: () => found.moduleLock(located.moduleId) };
  }

  private async locateIn(all: EnrollmentRef[], assessmentId: string, withGranted: boolean): Promise<TraineeAssessment | null> {
    const candidates = [...all.filter((e) => e.status === 'active'), ...all.filter((e) => e.status === 'completed')];
    for (const enrollment of candidates) {
      const found = await this.inEnrollment(enrollment, assessmentId, withGranted);
      if (found) return found;
    }
    return null;
  }

  /** The frozen copy names its module: one indexed read, never the whole outline (this is on every submission). */
  async inEnrollment(enrollment: EnrollmentRef, assessmentId: string, withGranted = true): Promise<TraineeAssessment | null> {
    const frozen = asFrozen(await this.versions.getFrozenAssessment(enrollment.courseVersionId, assessmentId));
    if (!frozen) return null;
    const dueAt = await this.dueAt(enrollment, frozen.moduleId, frozen.dueOffsetDays);
    const located = { enrollment, moduleId: frozen.moduleId, frozen, dueAt };
    return withGranted ? withExceptions(located, await this.granted(enrollment.enrollmentId, assessmentId)) : located;
  }

  /**
   * The due date in force for this trainee: the schedule's, or the latest extension granted when it
   * is later (the deadline scan reminds against this one, not the original).
   */
  async effectiveDueAt(enrollment: EnrollmentRef, moduleId: string, assessmentId: string, dueOffsetDays: number | null): Promise<Date | null> {
    const scheduled = await this.dueAt(enrollment, moduleId, dueOffsetDays);
    return laterOf(scheduled, (await this.granted(enrollment.enrollmentId, assessmentId)).dueAt);
  }

  private async granted(enrollmentId: string, assessmentId: string): Promise<Granted> {
    const [row]: Array<{ due_at: Date | null; extra: number }> = await this.txHost.tx.query(GRANTED_SQL, [enrollmentId, assessmentId]);
    return { dueAt: row?.due_at ?? null, extra: row?.extra ?? 0 };
  }

  /** Due date: offset calendar days (in the cohort's zone) after the module unlocks for the enrollment, or after the cohort start. */
  async dueAt(enrollment: EnrollmentRef, moduleId: string, dueOffsetDays: number | null): Promise<Date | null> {
    if (dueOffsetDays === null) return null;
    const from = (await this.enrollments.moduleUnlockAt(enrollment.enrollmentId, moduleId)) ?? enrollment.cohortStartsAt;
    return addLocalDays(new Date(from), dueOffsetDays, enrollment.cohortTimeZone);
  }
}

/** What the exceptions granted to one enrollment on one assessment add up to. */
export interface Granted {
  dueAt: Date | null;
  extra: number;
}

/**
 * `locateUnderAttemptLock`'s statement: $1 the trainee, $2 the assessment; the attempt lock's key is
 * made from both in SQL (`attemptLockSql`). The enrollments' SQL is the cohort module's, fixed once
 * the directory is bound, so it is declared once per process as any named statement. It may refer to
 * no parameter but the trainee's.
 */
function lockedLocateStatement(enrollmentsSql: string): NamedStatement {
  const stray = (enrollmentsSql.match(/\$\d+/g) ?? []).filter((placeholder) => placeholder !== '$1');
  if (stray.length > 0) throw new Error(`EnrollmentDirectory.enrollmentsWithModuleLocksSql answered SQL with parameters it was not given (${[...new Set(stray)].join(', ')})`);
  return namedStatement(
    'assessment:lock-attempts-with-enrollments',
    `SELECT r.*, g.due_at AS granted_due_at, g.extra AS granted_extra
       FROM (SELECT ${attemptLockSql('$1', '$2')}) AS locked
            CROSS JOIN (${enrollmentsSql}) AS r
            CROSS JOIN LATERAL (SELECT max(due_at) AS due_at, coalesce(sum(extra_attempts), 0)::int AS extra
                                  FROM assessment_exception WHERE enrollment_id = r."enrollmentId" AND assessment_id = $2::uuid) AS g
      ORDER BY r."listOrder"`,
  );
}

/** The exceptions of one enrollment on one assessment, as one row of `Granted` (for a statement that reads more). */
export const GRANTED_SQL = 'SELECT max(due_at) AS due_at, coalesce(sum(extra_attempts), 0)::int AS extra FROM assessment_exception WHERE enrollment_id = $1 AND assessment_id = $2';

/**
 * The trainee's own rules: exceptions granted to this enrollment add attempts (to at most the 100
 * an attempt row allows) and move the due date to the latest date granted, never earlier.
 */
export function withExceptions(located: TraineeAssessment, granted: Granted): TraineeAssessment {
  if (granted.dueAt === null && granted.extra === 0) return located;
  const dueAt = laterOf(located.dueAt, granted.dueAt);
  const attemptsAllowed = Math.min(100, located.frozen.attemptsAllowed + granted.extra);
  return { ...located, dueAt, frozen: { ...located.frozen, attemptsAllowed } };
}

/** An extension only ever moves a due date later. */
export function laterOf(scheduled: Date | null, granted: Date | null): Date | null {
  if (!granted) return scheduled;
  return !scheduled || granted > scheduled ? granted : scheduled;
}
