import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from './job-catalog';

export const JOB_HANDLER = Symbol('gds:job-handler');

/** A job as a handler receives it: typed payload plus the BullMQ job for progress reports. */
export interface HandledJob<N extends JobName> {
  name: N;
  id: string;
  data: JobPayloads[N];
  attemptsMade: number;
  updateProgress(progress: number | object): Promise<void>;
  raw: Job;
}

/**
 * Marks a provider method as the handler of one job. The method must be idempotent: it reloads
 * state from the database and does nothing when the state no longer asks for the work.
 */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
