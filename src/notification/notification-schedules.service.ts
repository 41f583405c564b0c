import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jobPolicy, QueueRegistry, QueueRole } from '@gds/queue';
import { AppConfig } from '../config/app-config';

/**
 * Registers the notification module's BullMQ job schedulers — in worker processes only (an api
 * process does not run workers). Upserting by a fixed id is idempotent, so any number of workers
 * share one scheduler and each slot makes one job.
 */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationSchedules.name);

  constructor(
    private readonly queueRole: QueueRole,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.isWorker()) return;
    const policy = jobPolicy('send-email-digests');
    await this.queues.get('notifications').upsertJobScheduler(
      'send-email-digests',
      { every: this.config.EMAIL_DIGEST_INTERVAL_MS },
      {
        name: 'send-email-digests',
        data: {},
        opts: {
          attempts: policy?.attempts,
          backoff: { type: 'exponential', delay: policy?.backoffMs ?? 5000 },
          removeOnComplete: { age: policy?.keepCompletedSeconds ?? 86_400 },
          removeOnFail: { age: policy?.keepFailedSeconds ?? 604_800 },
        },
      },
    );
    this.logger.log({ msg: 'job scheduler registered', scheduler: 'send-email-digests', everyMs: this.config.EMAIL_DIGEST_INTERVAL_MS });
  }

  private isWorker(): boolean {
    return this.queueRole.runsWorkers;
  }
}
