import { Injectable, Logger } from '@nestjs/common';
import { DirectReads, Transactional } from '@gds/database';
import { HandledJob, JobHandler, JobPayloads, Outbox } from '@gds/queue';
import { ProgressRecompute } from './progress-recompute.service';

/** Enrollments read per keyset page; each is recomputed in a transaction of its own. */
const BATCH_SIZE = 200;

/** Where a run stands, kept as the job's progress so that a retry resumes after the last page done. */
export interface ScheduleRecomputeProgress {
  afterId: string | null;
  done: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job's progress when it is a cursor of this walk; BullMQ's own default (0) or anything else is none. */
export function savedProgress(progress: unknown): ScheduleRecomputeProgress | undefined {
  if (typeof progress !== 'object' || progress === null) return undefined;
  const { afterId, done } = progress as Partial<ScheduleRecomputeProgress>;
  if (!(afterId === null || (typeof afterId === 'string' && UUID.test(afterId)))) return undefined;
  if (!(typeof done === 'number' && Number.isSafeInteger(done) && done >= 0)) return undefined;
  return { afterId, done };
}

/**
 * A cohort's start or zone moved (CohortsService.update): one event for the cohort, not one outbox row
 * per trainee written under the cohort lock. The worker walks the cohort's active enrollments by id
 * (keyset pages) and recomputes each as a `recompute-progress` job would, so modules whose day has
 * come open and their trainees are told (the notify event key makes a second telling a no-op), and
 * modules whose day moved away close again.
 *
 * Idempotent and safe to retry: a recompute that finds nothing changed writes nothing, and a retry
 * resumes from the page recorded in the job's progress. One enrollment whose recompute keeps failing
 * must not hold up the rest of the cohort (the job's retries would all stop at it, and every later
 * enrollment would stay stale): it is handed to a `recompute-progress` job of its own, which has its
 * own retries and, at the last, its own job_failure row, and the walk goes on. A job whose start or zone is no longer the
 * cohort's does nothing: the later change published an event of its own.
 */
@Injectable()
export class CohortScheduleRecompute {
  private readonly logger = new Logger(CohortScheduleRecompute.name);

  constructor(
    private readonly reads: DirectReads,
    private readonly progress: ProgressRecompute,
    private readonly outbox: Outbox,
  ) {}

  @JobHandler('cohort-schedule-changed')
  async handleScheduleChanged(job: HandledJob<'cohort-schedule-changed'>): Promise<void> {
    // Saved progress is resumed whatever attemptsMade says: BullMQ moves a stalled job (its worker
    // crashed or was redeployed) back to waiting without counting an attempt. The job id is unique
    // per change (cohort, start, zone, changedAt), so progress on this job is this walk's own.
    await this.recomputeCohort(job.data, {
      from: savedProgress(job.raw.progress) ?? { afterId: null, done: 0 },
      onPage: (at) => job.updateProgress(at),
    });
  }

  /** Answers how many enrollments were walked in all (recomputed, or handed on to a job of their own; resumed runs included), or null when the change is stale. */
  async recomputeCohort(
    change: JobPayloads['cohort-schedule-changed'],
    options: { from?: ScheduleRecomputeProgress; batchSize?: number; onPage?: (at: ScheduleRecomputeProgress) => Promise<void> } = {},
  ): Promise<number | null> {
    if (!(await this.isCurrent(change))) return null;
    const batchSize = options.batchSize ?? BATCH_SIZE;
    let { afterId, done } = options.from ?? { afterId: null, done: 0 };
    for (;;) {
      const page = await this.reads.query<{ id: string }>(
        `SELECT id FROM enrollment WHERE cohort_id = $1 AND status = 'active' AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3`,
        [change.cohortId, afterId, batchSize],
      );
      for (const { id } of page) await this.recomputeOrHandOn(id, change.cohortId);
      if (page.length === 0) break;
      afterId = page[page.length - 1].id;
      done += page.length;
      await options.onPage?.({ afterId, done });
      if (page.length < batchSize) break;
    }
    this.logger.log({ msg: 'cohort schedule change recomputed', cohortId: change.cohortId, enrollments: done });
    return done;
  }

  private async recomputeOrHandOn(enrollmentId: string, cohortId: string): Promise<void> {
    try {
      await this.progress.recompute(enrollmentId);
    } catch (error) {
      this.logger.warn({ msg: 'enrollment recompute failed; handed to a job of its own', cohortId, enrollmentId, error: (error as Error)?.message });
      // If even this row cannot be written (the database is out of reach), the error fails this job,
      // whose retry resumes at this page.
      await this.handOn(enrollmentId);
    }
  }

  /** Its own transaction: the failed recompute's has rolled back. */
  @Transactional()
  private async handOn(enrollmentId: string): Promise<void> {
    await this.outbox.publish('recompute-progress', { enrollmentId });
  }

  private async isCurrent(change: JobPayloads['cohort-schedule-changed']): Promise<boolean> {
    const [cohort] = await this.reads.query<{ startsAt: Date; timeZone: string }>('SELECT starts_at AS "startsAt", time_zone AS "timeZone" FROM cohort WHERE id = $1', [change.cohortId]);
    return !!cohort && cohort.startsAt.getTime() === Date.parse(change.startsAt) && cohort.timeZone === change.timeZone;
  }
}
