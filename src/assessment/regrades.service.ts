import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { HandledJob, JOB_CATALOG, JobHandler, jobIdFor, Outbox, QueueRegistry } from '@gds/queue';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Regrade } from './regrade.entity';
import { Submission } from './submission.entity';
import { AssessmentAuthoring } from './assessment-authoring.service';
import { Grading } from './grading.service';
import { asFrozen, FrozenAssessment } from './frozen-assessment';
import { RegradeDto } from './dto/assessment.dto';

/**
 * Bulk regrade after a key fix: every graded submission of the assessment is graded again, each
 * new grade added to the history (cause `regrade:<id>`, so a retried job adds none twice) and
 * reported to progress again.
 */
@Injectable()
export class Regrades {
  private readonly logger = new Logger(Regrades.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly authoring: AssessmentAuthoring,
    private readonly versions: PublishedCourseVersions,
    private readonly grading: Grading,
    private readonly queues: QueueRegistry,
  ) {}

  @Transactional()
  async request(assessmentId: string, dto: RegradeDto, principal: Principal): Promise<Regrade> {
    await this.authoring.editable(assessmentId, principal);
    if (dto.keyVersionId && !asFrozen(await this.versions.getFrozenAssessment(dto.keyVersionId, assessmentId))) {
      throw unprocessable('invalid-key-version', 'That published version does not contain this assessment.');
    }
    const repo = this.txHost.tx.getRepository(Regrade);
    const saved = await repo.save(repo.create({ assessmentId, keyVersionId: dto.keyVersionId ?? null, requestedBy: principal.userId, reason: dto.reason, status: 'queued', total: 0, done: 0, changed: 0 }));
    await this.outbox.publish('regrade-assessment', { regradeId: saved.id });
    return saved;
  }

  async get(id: string, principal: Principal) {
    const regrade = await this.txHost.tx.getRepository(Regrade).findOneBy({ id });
    if (!regrade || (!hasRole(principal, 'admin') && regrade.requestedBy !== principal.userId && !(await this.authoring.draftIfEditor(regrade.assessmentId, principal)))) {
      throw notFound('Regrade');
    }
    const job = await this.queues.jobStatus(JOB_CATALOG['regrade-assessment'].queue, jobIdFor('regrade-assessment', { regradeId: id }));
    return { regrade, job };
  }

  @JobHandler('regrade-assessment')
  async handle(job: HandledJob<'regrade-assessment'>): Promise<{ total: number; changed: number }> {
    const regrade = await this.txHost.tx.getRepository(Regrade).findOneBy({ id: job.data.regradeId });
    if (!regrade) return { total: 0, changed: 0 };
    if (regrade.status === 'finished') return { total: regrade.total, changed: regrade.changed };
    const ids: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM submission WHERE assessment_id = $1 AND status = 'graded' AND submitted_at <= $2 ORDER BY submitted_at, id`,
      [regrade.assessmentId, regrade.createdAt],
    );
    await this.txHost.tx.getRepository(Regrade).update(regrade.id, { status: 'running', total: ids.length });
    const keys = new Map<string, FrozenAssessment>();
    let changed = 0;
    for (const [index, { id }] of ids.entries()) {
      if (await this.regradeOne(regrade, id, keys)) changed++;
      await this.txHost.tx.getRepository(Regrade).update(regrade.id, { done: index + 1 });
      await job.updateProgress(Math.round(((index + 1) / ids.length) * 100));
    }
    await this.txHost.tx.query(`UPDATE regrade SET status = 'finished', finished_at = now(), changed = changed + $2 WHERE id = $1`, [regrade.id, changed]);
    await job.updateProgress(100);
    return { total: ids.length, changed };
  }

  /** Answers whether the score changed. */
  private async regradeOne(regrade: Regrade, submissionId: string, keys: Map<string, FrozenAssessment>): Promise<boolean> {
    const submission = await this.txHost.tx.getRepository(Submission).findOneByOrFail({ id: submissionId });
    const keyVersionId = regrade.keyVersionId ?? submission.versionId;
    let frozen = keys.get(keyVersionId);
    if (!frozen) {
      frozen = await this.grading.frozenOf(keyVersionId, submission.assessmentId);
      keys.set(keyVersionId, frozen);
    }
    const outcome = await this.grading.runGrader(submission, frozen, keyVersionId);
    if (outcome.needsReview) return false;
    const stored = await this.grading.apply(submission.id, frozen, outcome, {
      cause: `regrade:${regrade.id}`, keyVersionId, gradedBy: regrade.requestedBy, reason: regrade.reason, eventSuffix: `${submission.id}:regrade:${regrade.id}`,
    });
    if (!stored) return false;
    const after = await this.txHost.tx.getRepository(Submission).findOneByOrFail({ id: submissionId });
    this.logger.debug({ msg: 'regraded', submissionId, before: submission.score, after: after.score });
    return after.score !== submission.score;
  }
}
