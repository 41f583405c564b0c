import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HandledJob, JOB_CATALOG, JobHandler, QueueRegistry, QueueRole } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { CohortOutcomes } from './cohort-outcomes.service';

const SCHEDULER_ID = 'refresh-cohort-reports';

/**
 * Keeps report snapshots current: a job scheduler (worker role only) refreshes every cohort's
 * snapshot, and one cohort's refresh can be asked for on its own. Refreshing twice is harmless:
 * the newer computation wins.
 */
@Injectable()
export class ReportRefresh implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportRefresh.name);

  constructor(
    private readonly outcomes: CohortOutcomes,
    private readonly queueRole: QueueRole,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queueRole.runsWorkers) return; // an api-only process: schedules belong to workers
    const policy = JOB_CATALOG[SCHEDULER_ID];
    await this.queues.get(policy.queue).upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.REPORT_REFRESH_INTERVAL_SECONDS * 1000 },
      { name: SCHEDULER_ID, data: {}, opts: { attempts: policy.attempts, removeOnComplete: { age: policy.keepCompletedSeconds }, removeOnFail: { age: policy.keepFailedSeconds } } },
    );
  }

  @JobHandler('refresh-cohort-report')
  async refreshOne(job: HandledJob<'refresh-cohort-report'>): Promise<void> {
    await this.outcomes.refresh(job.data.cohortId);
  }

  @JobHandler('refresh-cohort-reports')
  async refreshAll(): Promise<void> {
    const count = await this.outcomes.refreshAll();
    this.logger.debug(`refreshed ${count} cohort report snapshots`);
  }
}
