import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, namedStatement, namedStatementInTransaction, Transactional } from '@gds/database';
import { HandledJob, JOB_CATALOG, JobHandler, Outbox, OutboxItem } from '@gds/queue';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Submission, SUBMISSION_FIELDS } from './submission.entity';
import { Attempts } from './attempts.service';
import { GraderRegistry } from './graders/grader-registry';
import { GradeOutcome, GradingKeyError } from './graders/grader';
import { GradingFailures } from './grading-failures.service';
import { jsonbSafe } from './jsonb-text';
import { SqlKey } from './graders/sql-key';
import { SandboxDatasets } from './sandbox-datasets.service';
import { FlagKey, hintPenalty } from './graders/flag.grader';
import { applyLatePenalty, asFrozen, FrozenAssessment } from './frozen-assessment';

export interface GradeChange {
  cause: string;
  keyVersionId: string;
  gradedBy: string | null;
  reason: string | null;
  /** Identifies the fact in job and notification ids (`<submissionId>`, `<submissionId>:review`...). */
  eventSuffix: string;
}

/**
 * The grading worker. A grade is written once per (submission, cause): the unique constraint makes a
 * second run of the same job a no-op, and the events it publishes carry deterministic ids.
 */
@Injectable()
export class Grading {
  private readonly logger = new Logger(Grading.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly versions: PublishedCourseVersions,
    private readonly graders: GraderRegistry,
    private readonly attempts: Attempts,
    private readonly enrollments: EnrollmentDirectory,
    private readonly failures: GradingFailures,
    private readonly datasets: SandboxDatasets,
  ) {}

  @JobHandler('grade-submission')
  async handle(job: HandledJob<'grade-submission'>): Promise<void> {
    await this.gradeJob(job.data.submissionId, job.attemptsMade, JOB_CATALOG['grade-submission'].attempts);
  }

  /** SQL, config and rubric answers: their own queue, so slow grading never delays quizzes and flags. */
  @JobHandler('grade-slow-submission')
  async handleSlow(job: HandledJob<'grade-slow-submission'>): Promise<void> {
    await this.gradeJob(job.data.submissionId, job.attemptsMade, JOB_CATALOG['grade-slow-submission'].attempts);
  }

  /**
   * Answer problems never reach here: graders turn them into feedback. A key that cannot grade
   * (GradingKeyError) ends the submission in error at once; anything else (the sandbox or a worker
   * down) is retried, and the last failed try ends it in error. Either way the instructors are told.
   */
  private async gradeJob(id: string, attemptsMade: number, attempts: number): Promise<void> {
    try {
      const slow = await this.gradeIfInstant(id);
      if (!slow) return;
      const frozen = await this.frozenOf(slow.versionId, slow.assessmentId);
      const outcome = await this.runGrader(slow, frozen, slow.versionId);
      await this.apply(slow.id, frozen, outcome, initialGrade(slow));
    } catch (error) {
      if (error instanceof GradingKeyError) {
        this.logger.warn({ msg: 'the key cannot grade', submissionId: id, error: error.message });
        await this.failures.markFailed(id, 'The exercise could not grade this answer; the instructors were told.', error.message);
        return;
      }
      const lastTry = attemptsMade + 1 >= attempts;
      this.logger.warn({ msg: 'grading failed', submissionId: id, lastTry, error: (error as Error).message });
      if (lastTry) await this.failures.markFailed(id, `Grading failed ${attempts} times; the instructors were told.`, (error as Error).message);
      throw error;
    }
  }

  /**
   * Locks a queued submission and, when its grader is instant, grades and stores the grade in the
   * same transaction (one read fewer on the busiest path); answers the submission when its grader
   * is slow and must grade outside any transaction, or null when there is nothing left to do.
   */
  @Transactional()
  private async gradeIfInstant(submissionId: string): Promise<Submission | null> {
    const submission = await this.lockSubmission(submissionId);
    if (!submission || submission.status !== 'queued') return null;
    if (!this.graders.get(submission.kind).instant) return submission;
    const frozen = await this.frozenOf(submission.versionId, submission.assessmentId);
    await this.applyLocked(submission, frozen, await this.runGrader(submission, frozen, submission.versionId), initialGrade(submission));
    return null;
  }

  async frozenOf(versionId: string, assessmentId: string): Promise<FrozenAssessment> {
    const frozen = asFrozen(await this.versions.getFrozenAssessment(versionId, assessmentId));
    if (!frozen) throw new Error(`version ${versionId} has no assessment ${assessmentId}`);
    return frozen;
  }

  /** Grades outside any transaction: a grader may take seconds (SQL) and must not hold locks. */
  async runGrader(submission: Submission, frozen: FrozenAssessment, keyVersionId: string): Promise<GradeOutcome> {
    const grader = this.graders.get(frozen.kind);
    if (frozen.kind === 'sql') await this.datasets.used((frozen.key as SqlKey).dataset);
    return grader.grade({
      key: frozen.key,
      answer: submission.answer,
      traineeId: submission.traineeId,
      assessmentId: submission.assessmentId,
      versionId: keyVersionId,
      submissionId: submission.id,
      maxScore: frozen.maxScore,
    });
  }

  /** Stores an outcome once; answers false when this cause was graded already. */
  @Transactional()
  async apply(submissionId: string, frozen: FrozenAssessment, outcome: GradeOutcome, change: GradeChange): Promise<boolean> {
    const submission = await this.lockSubmission(submissionId);
    if (!submission) return false;
    return this.applyLocked(submission, frozen, outcome, change);
  }

  /** The submission, row-locked until the transaction ends: grades of one submission are stored one at a time. */
  private async lockSubmission(submissionId: string): Promise<Submission | null> {
    const rows: Submission[] = await namedStatementInTransaction(this.txHost.tx, LOCK_SUBMISSION, [submissionId]);
    return rows.length ? this.txHost.tx.getRepository(Submission).create(rows[0]) : null;
  }

  private async applyLocked(submission: Submission, frozen: FrozenAssessment, outcome: GradeOutcome, change: GradeChange): Promise<boolean> {
    if (outcome.needsReview) return this.queueForReview(submission, outcome, frozen.title);
    const penalty = await this.penaltyOf(submission, frozen, outcome.score);
    return this.recordGrade(submission, { raw: outcome.score, penalty, feedback: outcome.feedback }, change);
  }

  /** Writes a grade row and the submission's current score, then tells progress and the trainee. */
  async recordGrade(submission: Submission, grade: { raw: number; penalty: number; feedback: Record<string, unknown> }, change: GradeChange): Promise<boolean> {
    const score = Math.max(0, Math.round((grade.raw - grade.penalty) * 100) / 100);
    const passed = score >= submission.passMark;
    // The grade row and the submission's current score in one statement: the update runs only
    // when the grade row was new, so a repeated job changes neither. The grade's time is taken after
    // the submission's row lock, so it orders the grades of one submission for progress.
    // A pass of an assessment this enrollment had passed already proves nothing new (the searchable
    // evidence is the set of assessments passed): the statement looks for such an earlier pass and
    // share-locks it, so a regrade taking that pass back waits for this grade to commit (and then
    // announces the change with this pass visible), or this statement waits for the regrade and,
    // the earlier pass gone, announces this one. A revoked pass is always announced. FOR SHARE, not
    // FOR KEY SHARE: it also conflicts with a plain UPDATE of the pass (a no-key update), so this
    // holds whether or not the writer locked the submission FOR UPDATE first.
    const newPass = passed && !submission.passed;
    const stored: Array<{ gradedAt: Date; passedBefore: boolean }> = await namedStatementInTransaction(this.txHost.tx, STORE_GRADE,
      [submission.id, change.cause, grade.raw, grade.penalty, score, submission.score, submission.maxScore, passed, jsonbSafe(grade.feedback), change.keyVersionId, change.gradedBy, change.reason,
        jsonbSafe({ ...grade.feedback, penalty: grade.penalty, lateDays: submission.lateDays }), newPass, submission.enrollmentId, submission.assessmentId],
    );
    if (stored.length === 0) return false;
    const payload = { submissionId: submission.id, enrollmentId: submission.enrollmentId, assessmentId: submission.assessmentId, traineeId: submission.traineeId, passed, score, maxScore: submission.maxScore, gradedAt: stored[0].gradedAt.toISOString() };
    const events: OutboxItem[] = [{ name: 'assessment-graded', payload }];
    // A first pass proves skills; a regrade that turns a pass into a fail takes that proof back. A
    // fail after a fail, a pass regraded to a pass and a pass of an assessment passed before change
    // nothing a trainee has proven, so they are not announced (one job fewer per resubmission).
    if ((newPass && !stored[0].passedBefore) || (!passed && submission.passed)) events.push({ name: 'trainee-evidence-changed', payload: { traineeId: submission.traineeId } });
    // A regrade that changes nothing is still reported to progress, but not to the trainee.
    if (submission.score === null || submission.score !== score) {
      const eventKey = `graded:${change.eventSuffix}`;
      // The notice names the assessment: "your submission was graded" alone tells a trainee of five courses nothing.
      const assessmentTitle = (await this.frozenOf(submission.versionId, submission.assessmentId)).title;
      const data = { submissionId: submission.id, assessmentId: submission.assessmentId, assessmentTitle, score, maxScore: submission.maxScore, passed };
      events.push({ name: 'notify', payload: { type: 'submission-graded', eventKey, recipientIds: [submission.traineeId], data } });
    }
    // Progress and the trainee's notice can wait for the relay's next poll (a fraction of a second):
    // a NOTIFY here would queue this commit behind every other notifying one.
    await this.outbox.publishAll(events, { wakeRelay: false });
    return true;
  }

  /** Late days and revealed hints both cost points; hints first, then the late percentage. */
  async penaltyOf(submission: Submission, frozen: FrozenAssessment, raw: number): Promise<number> {
    let score = raw;
    if (frozen.kind === 'flag') {
      const hints = await this.attempts.revealedHints(submission.enrollmentId, submission.assessmentId, submission.submittedAt);
      score = Math.max(0, score - hintPenalty(frozen.key as FlagKey, hints, frozen.maxScore));
    }
    if (submission.lateDays > 0 && frozen.latePolicy === 'penalty') score = applyLatePenalty(score, submission.lateDays, frozen.latePenaltyPercentPerDay, frozen.lateFloorPercent ?? 0);
    return Math.round((raw - score) * 100) / 100;
  }

  private async queueForReview(submission: Submission, outcome: GradeOutcome, assessmentTitle: string): Promise<boolean> {
    if (submission.status !== 'queued') return false;
    await this.txHost.tx.getRepository(Submission).update(submission.id, { status: 'needs_review', feedback: jsonbSafe(outcome.feedback) as never });
    const recipientIds = await this.enrollments.instructorsOf(submission.cohortId);
    const eventKey = `needs-review:${submission.id}`;
    await this.outbox.publish('notify', { type: 'submission-needs-review', eventKey, recipientIds, data: { submissionId: submission.id, assessmentId: submission.assessmentId, assessmentTitle, cohortId: submission.cohortId, traineeId: submission.traineeId } });
    return true;
  }
}

function initialGrade(submission: Submission): GradeChange {
  return { cause: 'initial', keyVersionId: submission.versionId, gradedBy: null, reason: null, eventSuffix: submission.id };
}

/** Fixed texts run by every job of this kind: parsed once per connection (named-statement.ts), in the transaction too. */
const LOCK_SUBMISSION = namedStatement('grading:lock-submission', `SELECT ${SUBMISSION_FIELDS} FROM submission WHERE id = $1 FOR UPDATE`);
const STORE_GRADE = namedStatement('grading:store-grade', `WITH inserted AS (
         INSERT INTO grade (submission_id, cause, raw_score, penalty, score, previous_score, max_score, passed, feedback, key_version_id, graded_by, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, clock_timestamp()) ON CONFLICT (submission_id, cause) DO NOTHING RETURNING id, created_at
       ), updated AS (
         UPDATE submission SET status = 'graded', score = $5, passed = $8, feedback = $13, graded_at = now(), error = NULL
          WHERE id = $1 AND EXISTS (SELECT 1 FROM inserted) RETURNING id
       ), passed_before AS (
         SELECT 1 FROM submission other
          WHERE $14::boolean AND other.enrollment_id = $15::uuid AND other.assessment_id = $16::uuid AND other.passed AND other.id <> $1
          LIMIT 1 FOR SHARE
       )
       SELECT inserted.created_at AS "gradedAt", EXISTS (SELECT 1 FROM passed_before) AS "passedBefore" FROM updated, inserted`);
