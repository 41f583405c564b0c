/** What the queue library needs to know of the app's configuration. */
export abstract class QueueSettings {
  abstract readonly redisUrl: string;
  abstract readonly prefix: string;
  abstract readonly concurrency: number;
  abstract readonly outboxPollIntervalMs: number;
}
