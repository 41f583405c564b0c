import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobRepeat, jobOptions, JOB_CATALOG, scheduledJobs } from './job-catalog';
import { QueueRegistry } from './queue-registry';
import { QueueSettings } from './queue-settings';

/**
 * Registers every scheduled job of the catalog as a BullMQ job scheduler — in worker processes
 * only (the queue module provides it there). Upserting by the job's name is idempotent, so any
 * number of workers share one scheduler and each slot makes one job.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedulers.name);

  constructor(
    private readonly queues: QueueRegistry,
    private readonly settings: QueueSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { name } of scheduledJobs()) {
      const repeat = this.repeatOf(name);
      await this.queues.get(JOB_CATALOG[name].queue).upsertJobScheduler(name, repeat, { name, data: {}, opts: jobOptions(name) });
      this.logger.log({ msg: 'job scheduler registered', scheduler: name, ...repeat });
    }
  }

  /** How a job repeats: from the catalog, or from the configuration for 'configured' ones (start-up fails if it is missing). */
  repeatOf(name: JobName): JobRepeat {
    const schedule = JOB_CATALOG[name].schedule;
    const repeat = schedule === 'configured' ? this.settings.schedules?.[name] : schedule;
    if (!repeat) throw new Error(`The job "${name}" is scheduled by configuration, but QueueSettings.schedules does not say how it repeats.`);
    return repeat;
  }
}
