import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, isUniqueViolation, namedStatement, Transactional } from '@gds/database';
import { badRequest, conflict, hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { EmbeddedJob, embeddedJobSql, Outbox } from '@gds/queue';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { Submission, SUBMISSION_FIELDS } from './submission.entity';
import { AssessmentAttempt } from './assessment-attempt.entity';
import { Attempts, attemptsExhausted } from './attempts.service';
import { GraderRegistry } from './graders/grader-registry';
import { TraineeAssessment } from './trainee-enrollments.service';
import { lateDaysAt } from './frozen-assessment';
import { SubmitDto } from './dto/submission.dto';
import { gradingJobFor } from './grading-failures.service';
import { holdsNul } from './jsonb-text';

export interface AcceptedSubmission {
  id: string;
  status: 'queued';
}

/** Columns every submit fills; `SUBMISSION_VALUES` reads them from $1..$11 (see `submissionValues`). */
const SUBMISSION_COLUMNS = 'attempt_id, assessment_id, version_id, enrollment_id, cohort_id, trainee_id, kind, answer, status, late_days, max_score, pass_mark, submitted_at';
const SUBMISSION_VALUES = `$1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text, $7::jsonb, 'queued', $8::int, $9::numeric, $10::numeric, $11::timestamptz`;

/** The grading job's row, written by the submission's own statement (Outbox.embed); fixed, so the untimed submit's text is too. */
const SUBMIT_JOB = { firstParam: 14, when: 'submitted' } as const;
const SUBMIT_JOB_SQL = embeddedJobSql(SUBMIT_JOB);

/** `insertInOpenOrNewAttempt`'s statement (see there), named: the usual submit, parsed once per connection instead of per call. */
const SUBMIT_IN_OPEN_OR_NEW_ATTEMPT = namedStatement(
  'assessment:submit-in-open-or-new-attempt',
  `WITH latest AS (
     SELECT a.id, a.attempt_number, a.deadline_at FROM assessment_attempt a
      WHERE a.enrollment_id = $3::uuid AND a.assessment_id = $1::uuid
      ORDER BY a.attempt_number DESC LIMIT 1
   ), open AS (
     SELECT id FROM latest
      WHERE NOT EXISTS (SELECT 1 FROM submission s WHERE s.attempt_id = latest.id) AND (latest.deadline_at IS NULL OR latest.deadline_at > now())
   ), created AS (
     INSERT INTO assessment_attempt (assessment_id, version_id, enrollment_id, cohort_id, trainee_id, attempt_number, attempts_allowed)
     SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, used + 1, $12::int
       FROM (SELECT coalesce((SELECT attempt_number FROM latest), 0) AS used) counted
      WHERE used < $12::int AND NOT EXISTS (SELECT 1 FROM open)
     RETURNING id
   ), submitted AS (
     INSERT INTO submission (id, ${SUBMISSION_COLUMNS})
     SELECT $13::uuid, chosen.id, ${SUBMISSION_VALUES} FROM (SELECT id FROM open UNION ALL SELECT id FROM created) chosen
     RETURNING id
   ), ${SUBMIT_JOB_SQL.cte}
   SELECT ${SUBMIT_JOB_SQL.notify} FROM submitted`,
);

/** A submission (numbers as numbers, as the entity's transformer gives) and, while queued, how many queued ones are ahead of it. */
const SUBMISSION_WITH_QUEUE_POSITION = namedStatement(
  'assessment:submission-with-queue-position',
  `SELECT ${SUBMISSION_FIELDS},
          CASE WHEN s.status = 'queued'
               THEN (SELECT count(*)::int FROM submission q WHERE q.status = 'queued' AND (q.submitted_at, q.id) < (s.submitted_at, s.id)) END AS "queuePosition"
     FROM submission s WHERE s.id = $1`,
);

/** Trainees submit; the grading worker grades. Submission and its grading job commit together. */
@Injectable()
export class Submissions {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly attempts: Attempts,
    private readonly graders: GraderRegistry,
    private readonly enrollments: EnrollmentDirectory,
    private readonly reads: DirectReads,
  ) {}

  async submit(assessmentId: string, dto: SubmitDto, principal: Principal): Promise<AcceptedSubmission> {
    try {
      if (this.attempts.locksWithEnrollments) return await this.locateAndStore(assessmentId, dto, principal);
      // The trainee's exceptions are read with the attempt lock, in `store`.
      const located = await this.attempts.require(principal.userId, assessmentId, 'work', false);
      return await this.store(located, dto.attemptId, this.validAnswer(located, dto));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('already-submitted', 'This attempt was submitted already.');
      throw error;
    }
  }

  /**
   * The usual submit: START, one statement that takes the attempt lock and finds the enrollment with
   * its module lock and the trainee's exceptions (Attempts.requireUnderLock), the submission's
   * statement, COMMIT. The enrollments were read on the pool before the transaction, which then took
   * the lock with the exceptions: one round trip fewer (issue 23 item 3: each one is a turn of a busy
   * event loop). The refusals come in the same order; the submission's statement still runs with
   * the lock held, in a snapshot of its own taken after it (see locateUnderAttemptLock).
   */
  @Transactional()
  private async locateAndStore(assessmentId: string, dto: SubmitDto, principal: Principal): Promise<AcceptedSubmission> {
    const located = await this.attempts.requireUnderLock(principal.userId, assessmentId);
    return this.insertLocked(located, dto.attemptId, this.validAnswer(located, dto));
  }

  /** The answer as its grader takes it; 400 for one it refuses. */
  private validAnswer(located: TraineeAssessment, dto: SubmitDto): unknown {
    // Postgres cannot store a NUL in jsonb; no answer of any kind needs one.
    if (holdsNul(dto.answer)) throw badRequest('invalid-answer', 'The answer holds a NUL character (\\u0000), which no answer may contain.');
    return this.graders.get(located.frozen.kind).validateAnswer(dto.answer, located.frozen.key);
  }

  @Transactional()
  private async store(scheduled: TraineeAssessment, attemptId: string | undefined, answer: unknown): Promise<AcceptedSubmission> {
    return this.insertLocked(await this.attempts.lockWithGranted(scheduled), attemptId, answer);
  }

  /** Under the attempt lock, with the trainee's exceptions applied: the submission and its grading job. */
  private async insertLocked(located: TraineeAssessment, attemptId: string | undefined, answer: unknown): Promise<AcceptedSubmission> {
    this.attempts.refuseIfPastDue(located);
    // The id is chosen here so that the grading job (its payload, its job id) is written by the same
    // statement as the submission: no round trip of its own.
    const id = randomUUID();
    const job = this.outbox.embed(gradingJobFor(located.frozen.kind), { submissionId: id }, SUBMIT_JOB);
    const untimed = !attemptId && !located.frozen.timeLimitMinutes;
    if (untimed) await this.insertInOpenOrNewAttempt(located, id, answer, job);
    else await this.insertSubmission(located, id, (await this.attemptToSubmit(located, attemptId)).id, answer, job);
    return { id, status: 'queued' };
  }

  /** The submission of an attempt already chosen (one the trainee started, or a timed one), and its grading job. */
  private async insertSubmission(located: TraineeAssessment, id: string, attemptId: string, answer: unknown, job: EmbeddedJob): Promise<void> {
    await this.txHost.tx.query(
      `WITH submitted AS (
         INSERT INTO submission (id, ${SUBMISSION_COLUMNS}) SELECT $13::uuid, $12::uuid, ${SUBMISSION_VALUES} RETURNING id
       ), ${job.cte}
       SELECT ${job.notify} FROM submitted`,
      [...this.submissionValues(located, answer), attemptId, id, ...job.params],
    );
  }

  /**
   * The usual submit (untimed, no attempt named) in one statement, under the attempt lock: into the
   * attempt the trainee opened and has not submitted, else into a new one numbered after the last,
   * none past the attempts allowed (no row then, and no grading job); the grading job of the
   * submission in the same statement. Only the latest attempt can be open, since a new one starts
   * only when none is, and attempts are numbered 1, 2, ... without gaps: so one index read answers
   * both, however many attempts there were. The attempt's row and the submission referring to it are
   * checked against each other at the end of the statement, as Postgres checks foreign keys.
   */
  private async insertInOpenOrNewAttempt(located: TraineeAssessment, id: string, answer: unknown, job: EmbeddedJob): Promise<void> {
    const { frozen } = located;
    const rows = await this.reads.query<unknown>(SUBMIT_IN_OPEN_OR_NEW_ATTEMPT, [...this.submissionValues(located, answer), frozen.attemptsAllowed, id, ...job.params]);
    if (rows.length === 0) throw attemptsExhausted(frozen.attemptsAllowed);
  }

  /** $1..$11 of both inserts: what a submission copies from the enrollment and the frozen assessment. */
  private submissionValues(located: TraineeAssessment, answer: unknown): unknown[] {
    const { frozen, enrollment } = located;
    // The submission time comes from here, in milliseconds: list cursors carry it as an ISO string,
    // which a microsecond database time would not round-trip. The answer goes as JSON text: pg
    // would send a JS array as a Postgres array, and a string unquoted.
    const now = new Date();
    return [frozen.assessmentId, enrollment.courseVersionId, enrollment.enrollmentId, enrollment.cohortId, enrollment.traineeId,
      frozen.kind, JSON.stringify(answer), lateDaysAt(now, located.dueAt, frozen.lateGraceMinutes ?? 0), frozen.maxScore, frozen.passMark, now];
  }

  private async attemptToSubmit(located: TraineeAssessment, attemptId: string | undefined): Promise<AssessmentAttempt> {
    if (attemptId) {
      const given = await this.txHost.tx.getRepository(AssessmentAttempt).findOneBy({ id: attemptId, enrollmentId: located.enrollment.enrollmentId, assessmentId: located.frozen.assessmentId });
      if (!given) throw notFound('Attempt');
      if (await this.txHost.tx.getRepository(Submission).existsBy({ attemptId })) throw conflict('already-submitted', 'This attempt was submitted already.');
      this.refuseIfExpired(given);
      return given;
    }
    const open = await this.attempts.openAttempt(located);
    if (open) return open;
    if (located.frozen.timeLimitMinutes) {
      const expired = await this.latestExpiredUnsubmitted(located);
      if (expired) this.refuseIfExpired(expired);
      throw conflict('attempt-not-started', 'This assessment is timed: start an attempt first.');
    }
    return this.attempts.newAttempt(located);
  }

  private refuseIfExpired(attempt: AssessmentAttempt): void {
    if (attempt.deadlineAt && attempt.deadlineAt.getTime() <= Date.now()) {
      throw unprocessable('attempt-expired', 'The time limit of this attempt has passed.', { deadlineAt: attempt.deadlineAt.toISOString() });
    }
  }

  private async latestExpiredUnsubmitted(located: TraineeAssessment): Promise<AssessmentAttempt | null> {
    const rows: AssessmentAttempt[] = await this.txHost.tx.getRepository(AssessmentAttempt).createQueryBuilder('a')
      .where('a.enrollmentId = :e AND a.assessmentId = :a', { e: located.enrollment.enrollmentId, a: located.frozen.assessmentId })
      .andWhere('NOT EXISTS (SELECT 1 FROM submission s WHERE s.attempt_id = a.id)')
      .orderBy('a.attemptNumber', 'DESC').limit(1).getMany();
    return rows[0] ?? null;
  }

  /** A submission its trainee, the cohort's instructors or an admin may see; 404 to anyone else. */
  async visible(id: string, principal: Principal): Promise<Submission> {
    return this.authorised(await this.txHost.tx.getRepository(Submission).findOneBy({ id }), principal);
  }

  /**
   * `visible` with how many queued submissions are ahead of it (0 = next; null once it left the
   * queue), in one named statement: the trainee polls this until graded (the grading lag of issue
   * 9.5), where an entity read and then the count took two round trips while queued. Both in one
   * snapshot; the count for a caller who is then refused is thrown away.
   */
  async visibleWithQueuePosition(id: string, principal: Principal): Promise<{ submission: Submission; queuePosition: number | null }> {
    const [row] = await this.reads.query<Submission & { queuePosition: number | null }>(SUBMISSION_WITH_QUEUE_POSITION, [id]);
    if (!row) throw notFound('Submission');
    const { queuePosition, ...submission } = row;
    return { submission: await this.authorised(submission, principal), queuePosition };
  }

  private async authorised(found: Submission | null, principal: Principal): Promise<Submission> {
    if (!found) throw notFound('Submission');
    if (found.traineeId === principal.userId || hasRole(principal, 'admin')) return found;
    if (hasRole(principal, 'instructor') && (await this.enrollments.isCohortInstructor(principal.userId, found.cohortId))) return found;
    throw notFound('Submission');
  }

  async ownOf(located: TraineeAssessment): Promise<Submission[]> {
    return this.txHost.tx.getRepository(Submission).find({
      where: { enrollmentId: located.enrollment.enrollmentId, assessmentId: located.frozen.assessmentId },
      order: { submittedAt: 'ASC' },
    });
  }
}
