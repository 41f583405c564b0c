/**
 * Every queue and every job the workers run, with its payload type and its retry policy. A job is
 * published through the outbox under its name; the relay adds it to the queue named here. Start-up
 * fails when a job below has no @JobHandler, or two.
 */
export const QUEUE_NAMES = ['grading', 'progress', 'notifications', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Payload of each job, by job name. Payloads carry ids, never entities. */
export interface JobPayloads {
  /** Health probe of the pipeline: proves outbox → relay → queue → handler end to end. */
  'pipeline-probe': { probeId: string };
}

export type JobName = keyof JobPayloads;

export interface JobPolicy {
  queue: QueueName;
  attempts: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs: number;
  /** Finished jobs kept for dedup by job id and for the dashboard. */
  keepCompletedSeconds: number;
  keepFailedSeconds: number;
}

const DAY = 24 * 60 * 60;

export const JOB_CATALOG: { [name in JobName]: JobPolicy } = {
  'pipeline-probe': { queue: 'maintenance', attempts: 3, backoffMs: 500, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY },
};

export function jobPolicy(name: string): JobPolicy | undefined {
  return (JOB_CATALOG as Record<string, JobPolicy>)[name];
}
