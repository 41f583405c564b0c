import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, forbidden, hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { Submission } from './submission.entity';
import { Grading } from './grading.service';
import { RubricGrader, RubricKey } from './graders/rubric.grader';
import { OverrideDto, ReviewCorrectionDto, ReviewDto } from './dto/submission.dto';

/** People grading: rubric reviews by the cohort's instructors, and overrides with a reason. */
@Injectable()
export class Reviews {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
    private readonly grading: Grading,
    private readonly rubric: RubricGrader,
  ) {}

  @Transactional()
  async review(submissionId: string, dto: ReviewDto, principal: Principal): Promise<Submission> {
    const submission = await this.forInstructor(submissionId, principal);
    if (submission.status === 'graded') throw conflict('already-reviewed', 'This submission has been graded; use an override to change it.');
    if (submission.status !== 'needs_review') throw conflict('not-awaiting-review', 'This submission is not waiting for review.');
    const frozen = await this.grading.frozenOf(submission.versionId, submission.assessmentId);
    const { score, criteria } = this.rubric.scoreReview(frozen.key as RubricKey, dto.criteria, submission.maxScore);
    const penalty = await this.grading.penaltyOf(submission, frozen, score);
    // The machine's findings on submitted HTML stay beside the instructor's grading.
    const { machine, lines } = (submission.feedback ?? {}) as Record<string, unknown>;
    const feedback = { criteria, ...(dto.comment ? { comment: dto.comment } : {}), reviewedBy: principal.userId, ...(machine ? { machine, lines } : {}) };
    const stored = await this.grading.recordGrade(submission, { raw: score, penalty, feedback }, {
      cause: 'review', keyVersionId: submission.versionId, gradedBy: principal.userId, reason: null, eventSuffix: `${submission.id}:review`,
    });
    if (!stored) throw conflict('already-reviewed', 'This submission has been reviewed already.');
    return this.txHost.tx.getRepository(Submission).findOneByOrFail({ id: submissionId });
  }

  /** Sets a graded submission's score by hand; the grade history keeps who, when, old, new and why. */
  @Transactional()
  async override(submissionId: string, dto: OverrideDto, principal: Principal): Promise<Submission> {
    const submission = await this.forInstructor(submissionId, principal);
    // A submission whose grading failed is graded by hand the same way.
    if (submission.status !== 'graded' && submission.status !== 'error') throw conflict('not-graded', 'Only graded submissions, or those whose grading failed, can be overridden.');
    if (dto.score > submission.maxScore) throw unprocessable('score-out-of-range', `The score cannot exceed ${submission.maxScore}.`);
    const overrideId = randomUUID();
    await this.grading.recordGrade(submission, { raw: dto.score, penalty: 0, feedback: { ...(submission.feedback ?? {}), override: { by: principal.userId, reason: dto.reason } } }, {
      cause: `override:${overrideId}`, keyVersionId: submission.versionId, gradedBy: principal.userId, reason: dto.reason, eventSuffix: `${submission.id}:override:${overrideId}`,
    });
    return this.txHost.tx.getRepository(Submission).findOneByOrFail({ id: submissionId });
  }

  /**
   * Corrects a review: the instructor who reviewed (or corrected) the submission, or an admin,
   * grades it again criterion by criterion with a reason. A new grade row (cause
   * `review-correction:<id>`) is added beside the earlier ones, and the same grade path as overrides
   * tells progress and certification, which follow the latest grade.
   */
  @Transactional()
  async correct(submissionId: string, dto: ReviewCorrectionDto, principal: Principal): Promise<Submission> {
    const submission = await this.forInstructor(submissionId, principal);
    const reviewers: Array<{ graded_by: string | null }> = await this.txHost.tx.query(
      `SELECT graded_by FROM grade WHERE submission_id = $1 AND (cause = 'review' OR cause LIKE 'review-correction:%')`,
      [submissionId],
    );
    if (submission.status !== 'graded' || reviewers.length === 0) throw conflict('not-reviewed', 'Only a reviewed submission can have its review corrected.');
    if (!hasRole(principal, 'admin') && !reviewers.some((r) => r.graded_by === principal.userId)) {
      throw forbidden('Only the instructor who reviewed this submission, or an admin, may correct the review.');
    }
    const frozen = await this.grading.frozenOf(submission.versionId, submission.assessmentId);
    const { score, criteria } = this.rubric.scoreReview(frozen.key as RubricKey, dto.criteria, submission.maxScore);
    const penalty = await this.grading.penaltyOf(submission, frozen, score);
    const { machine, lines } = (submission.feedback ?? {}) as Record<string, unknown>;
    const feedback = {
      criteria, ...(dto.comment ? { comment: dto.comment } : {}), reviewedBy: principal.userId, correction: { by: principal.userId, reason: dto.reason },
      ...(machine ? { machine, lines } : {}),
    };
    const correctionId = randomUUID();
    await this.grading.recordGrade(submission, { raw: score, penalty, feedback }, {
      cause: `review-correction:${correctionId}`, keyVersionId: submission.versionId, gradedBy: principal.userId, reason: dto.reason,
      eventSuffix: `${submission.id}:review-correction:${correctionId}`,
    });
    return this.txHost.tx.getRepository(Submission).findOneByOrFail({ id: submissionId });
  }

  async history(submissionId: string) {
    const rows = await this.txHost.tx.query(
      `SELECT cause, raw_score, penalty, score, previous_score, passed, graded_by, reason, created_at
         FROM grade WHERE submission_id = $1 ORDER BY created_at, id`,
      [submissionId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      cause: r.cause, rawScore: Number(r.raw_score), penalty: Number(r.penalty), score: Number(r.score),
      previousScore: r.previous_score === null ? null : Number(r.previous_score), passed: r.passed, gradedBy: r.graded_by, reason: r.reason,
      at: (r.created_at as Date).toISOString(),
    }));
  }

  /** Locked for update; 404 unless the caller instructs the submission's cohort (or is an admin). */
  private async forInstructor(submissionId: string, principal: Principal): Promise<Submission> {
    const submission = await this.txHost.tx.getRepository(Submission).findOne({ where: { id: submissionId }, lock: { mode: 'pessimistic_write' } });
    if (!submission) throw notFound('Submission');
    const allowed = hasRole(principal, 'admin') || (hasRole(principal, 'instructor') && (await this.enrollments.isCohortInstructor(principal.userId, submission.cohortId)));
    if (allowed) return submission;
    // The trainee may see the submission but not grade it.
    if (submission.traineeId === principal.userId) throw forbidden('Only the cohort’s instructors grade submissions.');
    throw notFound('Submission');
  }
}
