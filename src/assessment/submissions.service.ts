import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { badRequest, conflict, decodeCursor, hasRole, notFound, PageQuery, Principal, toPage, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { Submission } from './submission.entity';
import { AssessmentAttempt } from './assessment-attempt.entity';
import { Attempts } from './attempts.service';
import { GraderRegistry } from './graders/grader-registry';
import { TraineeAssessment } from './trainee-enrollments.service';
import { lateDaysAt } from './frozen-assessment';
import { SubmitDto } from './dto/submission.dto';

/** Trainees submit; the grading worker grades. Submission and its grading job commit together. */
@Injectable()
export class Submissions {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly attempts: Attempts,
    private readonly graders: GraderRegistry,
    private readonly enrollments: EnrollmentDirectory,
  ) {}

  async submit(assessmentId: string, dto: SubmitDto, principal: Principal): Promise<Submission> {
    const located = await this.attempts.require(principal.userId, assessmentId, 'work');
    const answer = this.graders.get(located.frozen.kind).validateAnswer(dto.answer, located.frozen.key);
    try {
      return await this.store(located, dto.attemptId, answer);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('already-submitted', 'This attempt was submitted already.');
      throw error;
    }
  }

  @Transactional()
  private async store(located: TraineeAssessment, attemptId: string | undefined, answer: unknown): Promise<Submission> {
    await this.attempts.lock(located);
    const attempt = await this.attemptToSubmit(located, attemptId);
    const now = new Date();
    this.attempts.refuseIfPastDue(located);
    const { frozen, enrollment } = located;
    const repo = this.txHost.tx.getRepository(Submission);
    const saved = await repo.save(repo.create({
      attemptId: attempt.id,
      assessmentId: frozen.assessmentId,
      versionId: enrollment.courseVersionId,
      enrollmentId: enrollment.enrollmentId,
      cohortId: enrollment.cohortId,
      traineeId: enrollment.traineeId,
      kind: frozen.kind,
      answer,
      status: 'queued',
      lateDays: lateDaysAt(now, located.dueAt),
      maxScore: frozen.maxScore,
      passMark: frozen.passMark,
      submittedAt: now,
    }));
    await this.outbox.publish('grade-submission', { submissionId: saved.id }, { jobId: `grade:${saved.id}` });
    return saved;
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
    const found = await this.txHost.tx.getRepository(Submission).findOneBy({ id });
    if (!found) throw notFound('Submission');
    if (found.traineeId === principal.userId || hasRole(principal, 'admin')) return found;
    if (hasRole(principal, 'instructor') && (await this.enrollments.isCohortInstructor(principal.userId, found.cohortId))) return found;
    throw notFound('Submission');
  }

  /** How many queued submissions are ahead of this one (0 = next). */
  async queuePosition(submission: Submission): Promise<number | null> {
    if (submission.status !== 'queued') return null;
    const [row] = await this.txHost.tx.query(
      `SELECT count(*)::int AS n FROM submission WHERE status = 'queued' AND (submitted_at, id) < ($1, $2)`,
      [submission.submittedAt, submission.id],
    );
    return row.n;
  }

  async ownOf(located: TraineeAssessment): Promise<Submission[]> {
    return this.txHost.tx.getRepository(Submission).find({
      where: { enrollmentId: located.enrollment.enrollmentId, assessmentId: located.frozen.assessmentId },
      order: { submittedAt: 'ASC' },
    });
  }

  /** Submissions waiting for review in a cohort, oldest first; for its instructors and admins. */
  async reviewQueue(cohortId: string, query: PageQuery, principal: Principal) {
    const allowed = hasRole(principal, 'admin') ? await this.enrollments.cohortExists(cohortId) : await this.enrollments.isCohortInstructor(principal.userId, cohortId);
    if (!allowed) throw notFound('Cohort');
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    if (after && (Number.isNaN(Date.parse(after.at)) || !/^[0-9a-f-]{36}$/i.test(after.id))) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.');
    const qb = this.txHost.tx.getRepository(Submission).createQueryBuilder('s')
      .where(`s.cohortId = :cohortId AND s.status = 'needs_review'`, { cohortId })
      .orderBy('s.submittedAt', 'ASC').addOrderBy('s.id', 'ASC')
      .limit(query.limit + 1);
    if (after) qb.andWhere('(s.submittedAt, s.id) > (:at, :id)', { at: after.at, id: after.id });
    return toPage(await qb.getMany(), query.limit, (s) => ({ at: s.submittedAt.toISOString(), id: s.id }));
  }
}
