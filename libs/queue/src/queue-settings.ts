import type { JobName, JobRepeat, QueueName } from './job-catalog';

/** What the queue library needs to know of the app's configuration. */
export abstract class QueueSettings {
  abstract readonly redisUrl: string;
  abstract readonly prefix: string;
  abstract readonly concurrency: number;
  /** Queues whose jobs at once differ from `concurrency`. */
  abstract readonly concurrencyByQueue?: Partial<Record<QueueName, number>>;
  abstract readonly outboxPollIntervalMs: number;
  /** Least time between two claims of a running relay (rows arriving meanwhile share a batch); unset: DEFAULT_CLAIM_SPACING_MS. */
  abstract readonly outboxClaimSpacingMs?: number;
  /** How the jobs whose catalog schedule is 'configured' repeat (cron patterns and intervals from AppConfig). */
  abstract readonly schedules?: Partial<Record<JobName, JobRepeat>>;
}
