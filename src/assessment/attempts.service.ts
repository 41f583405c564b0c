import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, namedStatement, namedStatementInTransaction, Transactional } from '@gds/database';
import { conflict, notFound, Principal, ProblemException, unprocessable } from '@gds/http';
import { AssessmentAttempt } from './assessment-attempt.entity';
import { HintReveal } from './hint-reveal.entity';
import { GRANTED_SQL, TraineeAssessment, TraineeEnrollments, withExceptions } from './trainee-enrollments.service';
import { GraderRegistry } from './graders/grader-registry';
import { QuizGrader } from './graders/quiz.grader';
import { FlagKey } from './graders/flag.grader';
import { pastDue } from './frozen-assessment';
import { attemptLockSql } from './attempt-lock';

/**
 * The attempt lock with the trainee's exceptions read in the same statement ($1 the enrollment, $2 the
 * assessment, $3 the trainee): a submit's, with a directory that gives no SQL form. Named (parsed once
 * per connection).
 */
const LOCK_WITH_GRANTED = namedStatement(
  'assessment:lock-attempts-with-granted',
  `SELECT g.due_at, g.extra FROM (SELECT ${attemptLockSql('$3', '$2')}) AS locked, (${GRANTED_SQL}) AS g`,
);

/** The attempt lock alone ($1 the trainee, $2 the assessment): an attempt start's. */
const LOCK_ATTEMPTS = `SELECT ${attemptLockSql('$1', '$2')}`;

/**
 * Attempts: each counts toward the attempts allowed from the moment it starts. A per-(trainee,
 * assessment) advisory lock (`attemptLockSql`) serialises starts and submits, and the table's check
 * and unique constraints stop two parallel requests from exceeding the limit even if the lock were
 * bypassed.
 */
@Injectable()
export class Attempts {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly trainees: TraineeEnrollments,
    private readonly graders: GraderRegistry,
    private readonly quiz: QuizGrader,
  ) {}

  async start(assessmentId: string, principal: Principal) {
    const located = await this.require(principal.userId, assessmentId, 'work');
    const attempt = await this.startLocated(located);
    return { attempt, content: this.contentFor(located, attempt.id) };
  }

  @Transactional()
  private async startLocated(located: TraineeAssessment): Promise<AssessmentAttempt> {
    await this.lock(located);
    return (await this.openAttempt(located)) ?? (await this.newAttempt(located));
  }

  /** What a trainee sees of the key in one attempt (quiz order shuffled from the attempt id). */
  contentFor(located: TraineeAssessment, attemptId: string | null): Record<string, unknown> {
    const grader = this.graders.get(located.frozen.kind);
    if (grader === this.quiz && attemptId) return this.quiz.presentation(located.frozen.key as never, attemptId);
    return grader.publicView(located.frozen.key);
  }

  /**
   * The trainee's assessment; to `work` on it (attempt, hint, submit) the enrollment must be active.
   * `withGranted: false` for a caller that applies the trainee's exceptions under its lock (`lockWithGranted`).
   */
  async require(traineeId: string, assessmentId: string, purpose: 'read' | 'work' = 'read', withGranted = true): Promise<TraineeAssessment> {
    if (purpose === 'read') {
      const located = await this.trainees.locate(traineeId, assessmentId, withGranted);
      if (!located) throw notFound('Assessment');
      return located;
    }
    // The enrollments and the module lock in one statement (one round trip fewer on every submit).
    return this.mayWork(await this.trainees.locateWithModuleLock(traineeId, assessmentId, withGranted));
  }

  /** Whether `requireUnderLock` can answer (else: `require`, then `lockWithGranted`). */
  get locksWithEnrollments(): boolean {
    return this.trainees.locatesUnderAttemptLock;
  }

  /**
   * `require(…, 'work')` and `lockWithGranted` in one statement (TraineeEnrollments.locateUnderAttemptLock),
   * in the caller's transaction: the same refusals, in the same order, then the assessment with the
   * trainee's exceptions applied, the attempt lock held until the transaction ends.
   */
  async requireUnderLock(traineeId: string, assessmentId: string): Promise<TraineeAssessment> {
    return this.mayWork(await this.trainees.locateUnderAttemptLock(traineeId, assessmentId));
  }

  /** Work on an assessment: it is the trainee's, the enrollment active, the module open. */
  private async mayWork(found: { located: TraineeAssessment; moduleLock: () => Promise<{ opensAt: Date } | null> } | null): Promise<TraineeAssessment> {
    if (!found) throw notFound('Assessment');
    const { located } = found;
    if (located.enrollment.status !== 'active') {
      throw conflict('enrollment-not-active', 'Your enrollment in this course has ended: its work can be read, not changed.');
    }
    // The same lock as the module's lessons, with the same problem type: a client handles one "not open yet".
    const lock = await found.moduleLock();
    if (lock) throw unprocessable('lesson-locked', 'This assessment’s module is not open to you yet.', { opensAt: lock.opensAt.toISOString() });
    return located;
  }

  /** Serialises attempt changes of one trainee on one assessment, until the transaction ends. */
  async lock(located: TraineeAssessment): Promise<void> {
    await this.txHost.tx.query(LOCK_ATTEMPTS, [located.enrollment.traineeId, located.frozen.assessmentId]);
  }

  /**
   * `lock`, reading in the same statement the exceptions granted to this trainee, and answering the
   * assessment with them applied (attempts allowed, due date): one round trip fewer on every submit.
   * The read sees what was committed when the statement began, as a read just before the lock would.
   */
  async lockWithGranted(located: TraineeAssessment): Promise<TraineeAssessment> {
    const { enrollment, frozen } = located;
    const [row] = await namedStatementInTransaction<{ due_at: Date | null; extra: number }>(this.txHost.tx, LOCK_WITH_GRANTED, [
      enrollment.enrollmentId,
      frozen.assessmentId,
      enrollment.traineeId,
    ]);
    return withExceptions(located, { dueAt: row.due_at, extra: row.extra });
  }

  /** The latest attempt not yet submitted and not past its deadline. */
  async openAttempt(located: TraineeAssessment): Promise<AssessmentAttempt | null> {
    const rows: AssessmentAttempt[] = await this.txHost.tx.getRepository(AssessmentAttempt).createQueryBuilder('a')
      .where('a.enrollmentId = :enrollmentId AND a.assessmentId = :assessmentId', { enrollmentId: located.enrollment.enrollmentId, assessmentId: located.frozen.assessmentId })
      .andWhere('NOT EXISTS (SELECT 1 FROM submission s WHERE s.attempt_id = a.id)')
      .andWhere('(a.deadlineAt IS NULL OR a.deadlineAt > now())')
      .orderBy('a.attemptNumber', 'DESC')
      .limit(1)
      .getMany();
    return rows[0] ?? null;
  }

  /** Numbers the attempt after the last one and refuses it past the limit, in one statement. */
  async newAttempt(located: TraineeAssessment): Promise<AssessmentAttempt> {
    const { enrollment, frozen } = located;
    this.refuseIfPastDue(located);
    const deadline = frozen.timeLimitMinutes ? `now() + interval '${Number(frozen.timeLimitMinutes)} minutes'` : 'NULL';
    let inserted: AttemptRow[];
    try {
      inserted = await this.txHost.tx.query(
        `INSERT INTO assessment_attempt (assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, attempts_allowed, deadline_at)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, used + 1, $6::int, ${deadline}
           FROM (SELECT count(*)::int AS used FROM assessment_attempt WHERE enrollment_id = $3::uuid AND assessment_id = $1::uuid) counted
          WHERE used < $6::int
         RETURNING id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, attempts_allowed, started_at, deadline_at`,
        [frozen.assessmentId, enrollment.courseVersionId, enrollment.enrollmentId, enrollment.cohortId, enrollment.traineeId, frozen.attemptsAllowed],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('attempt-conflict', 'Another attempt was started at the same time; try again.');
      throw error;
    }
    if (inserted.length === 0) throw attemptsExhausted(frozen.attemptsAllowed);
    return attemptOf(inserted[0]);
  }

  refuseIfPastDue(located: TraineeAssessment): void {
    if (located.frozen.latePolicy === 'refuse' && located.dueAt && pastDue(new Date(), located.dueAt, located.frozen.lateGraceMinutes ?? 0)) {
      throw unprocessable('past-due', 'This assessment was due and does not accept late work.', { dueAt: located.dueAt.toISOString() });
    }
  }

  async attemptsOf(located: TraineeAssessment): Promise<AssessmentAttempt[]> {
    return this.txHost.tx.getRepository(AssessmentAttempt).find({
      where: { enrollmentId: located.enrollment.enrollmentId, assessmentId: located.frozen.assessmentId },
      order: { attemptNumber: 'ASC' },
    });
  }

  /** Reveals one hint of a flag challenge; the cost is recorded once and charged on later grades. */
  async revealHint(assessmentId: string, hintId: string, principal: Principal) {
    const located = await this.require(principal.userId, assessmentId, 'work');
    const hint = located.frozen.kind === 'flag' ? (located.frozen.key as FlagKey).hints.find((h) => h.id === hintId) : undefined;
    if (!hint) throw notFound('Hint');
    await this.txHost.tx.query(
      `INSERT INTO hint_reveal (assessment_id, enrollment_id, trainee_id, hint_id, cost) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrollment_id, assessment_id, hint_id) DO NOTHING`,
      [assessmentId, located.enrollment.enrollmentId, principal.userId, hint.id, hint.cost],
    );
    const reveal = await this.txHost.tx.getRepository(HintReveal).findOneByOrFail({ enrollmentId: located.enrollment.enrollmentId, assessmentId, hintId });
    return { hintId: hint.id, text: hint.text, cost: hint.cost, revealedAt: reveal.revealedAt.toISOString() };
  }

  async revealedHints(enrollmentId: string, assessmentId: string, before: Date): Promise<string[]> {
    const rows: Array<{ hint_id: string }> = await this.txHost.tx.query(
      'SELECT hint_id FROM hint_reveal WHERE enrollment_id = $1 AND assessment_id = $2 AND revealed_at <= $3',
      [enrollmentId, assessmentId, before],
    );
    return rows.map((r) => r.hint_id);
  }
}

/** 409 when no attempt is left, in words that fit one attempt as well as several. */
export function attemptsExhausted(allowed: number): ProblemException {
  const detail = allowed === 1 ? 'The one attempt this assessment allows is used.' : `All ${allowed} attempts this assessment allows are used.`;
  return conflict('attempts-exhausted', detail, { attemptsAllowed: allowed });
}

interface AttemptRow {
  id: string;
  assessment_id: string;
  version_id: string;
  enrollment_id: string;
  cohort_id: string;
  trainee_id: string;
  attempt_number: number;
  attempts_allowed: number;
  started_at: Date;
  deadline_at: Date | null;
}

function attemptOf(row: AttemptRow): AssessmentAttempt {
  return Object.assign(new AssessmentAttempt(), {
    id: row.id,
    assessmentId: row.assessment_id,
    versionId: row.version_id,
    enrollmentId: row.enrollment_id,
    cohortId: row.cohort_id,
    traineeId: row.trainee_id,
    attemptNumber: row.attempt_number,
    attemptsAllowed: row.attempts_allowed,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
  });
}
