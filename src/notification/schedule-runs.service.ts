import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { HandledJob, JobName } from '@gds/queue';

/**
 * One run per scheduled slot. BullMQ already makes one job per slot of a job scheduler; this key
 * also turns any second job for the same slot into a no-op, while a retry of the same job may run.
 */
@Injectable()
export class ScheduleRuns {
  private readonly logger = new Logger(ScheduleRuns.name);

  constructor(private readonly txHost: AppTransactionHost) {}

  async claim(scheduler: string, job: HandledJob<JobName>): Promise<boolean> {
    // A scheduler's job id is `repeat:<scheduler>:<slot millis>`; a job added any other way is its own slot.
    const slot = Number(/^repeat:.+:(\d+)$/.exec(job.id)?.[1] ?? job.raw.timestamp);
    const rows = await this.txHost.tx.query(
      `INSERT INTO notification_schedule_run (scheduler, slot_ms, job_id) VALUES ($1, $2, $3)
       ON CONFLICT (scheduler, slot_ms) DO UPDATE SET ran_at = now() WHERE notification_schedule_run.job_id = excluded.job_id
       RETURNING scheduler`,
      [scheduler, slot, job.id],
    );
    if (rows.length === 0) this.logger.warn({ msg: 'scheduled slot already ran; skipping', scheduler, slot, jobId: job.id });
    return rows.length > 0;
  }
}
