import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, jobPolicy, QueueRegistry, QueueRole } from '@gds/queue';
import { AppConfig } from '../config/app-config';

/**
 * Registers the cohort module's BullMQ job schedulers (the at-risk scan, the weekly digests) in
 * worker processes only: BullMQ makes each scheduled run one job however many workers upsert the
 * same scheduler id.
 */
@Injectable()
export class CohortSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(CohortSchedules.name);

  constructor(
    private readonly queueRole: QueueRole,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.isWorker()) return;
    await this.schedule('scan-at-risk', this.config.AT_RISK_SCAN_CRON);
    await this.schedule('send-weekly-digests', this.config.WEEKLY_DIGEST_CRON);
  }

  private isWorker(): boolean {
    return this.queueRole.runsWorkers;
  }

  private async schedule(name: JobName, pattern: string): Promise<void> {
    const policy = jobPolicy(name)!;
    await this.queues.get(policy.queue).upsertJobScheduler(name, { pattern, tz: 'UTC' }, {
      name,
      data: {},
      opts: {
        attempts: policy.attempts,
        backoff: { type: 'exponential', delay: policy.backoffMs },
        removeOnComplete: { age: policy.keepCompletedSeconds },
        removeOnFail: { age: policy.keepFailedSeconds },
      },
    });
    this.logger.log({ msg: 'job scheduler registered', name, pattern });
  }
}
