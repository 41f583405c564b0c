import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JOB_CATALOG, JobHandler, jobIdFor, Outbox, QueueRegistry } from '@gds/queue';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { asFrozen } from './frozen-assessment';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';

/** Far beyond every retry of a grading job (5 tries, backoff 1+2+4+8 s, plus grading time). */
const STALLED_AFTER_MINUTES = 30;
const PAGE_SIZE = 200;
const UNFINISHED = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Submissions whose grading failed for good: they end as `error` with a reason, appear in the
 * cohort's review queue, and the cohort's instructors get a `submission-grading-failed` notice.
 * A scan every 10 minutes catches those the failing job could not mark (the database itself was
 * failing then): a submission queued for 30 minutes whose grading job is neither pending in the
 * outbox nor waiting, delayed or running in its queue.
 */
@Injectable()
export class GradingFailures {
  private readonly logger = new Logger(GradingFailures.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly enrollments: EnrollmentDirectory,
    private readonly queues: QueueRegistry,
    private readonly versions: PublishedCourseVersions,
  ) {}

  /**
   * Ends a queued submission in error and tells the cohort's instructors; false when it was not
   * queued. `reason` is stored and shown to the trainee too; `detail` (what failed inside) goes to
   * the instructors' notice only.
   */
  @Transactional()
  async markFailed(submissionId: string, reason: string, detail?: string): Promise<boolean> {
    const rows: Array<{ cohort_id: string; assessment_id: string; trainee_id: string; version_id: string }> = await this.txHost.tx.query(
      // As a SELECT over the update: TypeORM answers a bare UPDATE ... RETURNING as [rows, count].
      `WITH failed AS (UPDATE submission SET status = 'error', error = $2 WHERE id = $1 AND status = 'queued' RETURNING cohort_id, assessment_id, trainee_id, version_id)
       SELECT cohort_id, assessment_id, trainee_id, version_id FROM failed`,
      [submissionId, reason],
    );
    if (rows.length === 0) return false;
    const [{ cohort_id: cohortId, assessment_id: assessmentId, trainee_id: traineeId, version_id: versionId }] = rows;
    const assessmentTitle = asFrozen(await this.versions.getFrozenAssessment(versionId, assessmentId))?.title ?? null;
    const recipientIds = await this.enrollments.instructorsOf(cohortId);
    const eventKey = `grading-failed:${submissionId}`;
    await this.outbox.publish(
      'notify',
      { type: 'submission-grading-failed', eventKey, recipientIds, data: { submissionId, assessmentId, assessmentTitle, cohortId, traineeId, reason: detail ? `${reason} ${detail}`.slice(0, 600) : reason } },
    );
    return true;
  }

  @JobHandler('scan-stalled-submissions')
  async scan(_job?: HandledJob<'scan-stalled-submissions'>, olderThanMinutes = STALLED_AFTER_MINUTES): Promise<{ failed: number }> {
    const stalled: Array<{ id: string; kind: string; pending: boolean }> = await this.txHost.tx.query(
      `SELECT s.id, s.kind, EXISTS (SELECT 1 FROM outbox_message o WHERE o.job_id = 'grade:' || s.id AND o.sent_at IS NULL) AS pending
         FROM submission s
        WHERE s.status = 'queued' AND s.submitted_at < now() - make_interval(mins => $1)
        ORDER BY s.submitted_at LIMIT $2`,
      [olderThanMinutes, PAGE_SIZE],
    );
    let failed = 0;
    for (const submission of stalled) {
      if (submission.pending) continue;
      const state = await this.jobState(submission.id, submission.kind);
      if (UNFINISHED.has(state)) continue;
      if (await this.markFailed(submission.id, `Grading did not finish (its job is ${state}).`)) failed++;
    }
    if (failed) this.logger.warn({ msg: 'stalled submissions ended in error', failed });
    return { failed };
  }

  private async jobState(submissionId: string, kind: string): Promise<string> {
    const status = await this.queues.jobStatus(JOB_CATALOG[gradingJobFor(kind)].queue, jobIdFor(gradingJobFor(kind), { submissionId }));
    return status?.state ?? 'unknown';
  }
}

/** Quizzes and flags grade from memory; every other kind may take seconds and has its own queue. */
export function gradingJobFor(kind: string): 'grade-submission' | 'grade-slow-submission' {
  return kind === 'quiz' || kind === 'flag' ? 'grade-submission' : 'grade-slow-submission';
}
