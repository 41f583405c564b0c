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

/** A method that can handle job N: it takes that job (or nothing) and may answer a result. */
export type JobHandlerMethod<N extends JobName> = (job: HandledJob<N>) => unknown;

/**
 * Marks a provider method as the handler of one job. The method must be idempotent: it reloads
 * state from the database and does nothing when the state no longer asks for the work. Typed by
 * the catalog: a method whose parameter is another job's payload does not compile.
 */
export function JobHandler<N extends JobName>(name: N) {
  return <M extends JobHandlerMethod<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(JOB_HANDLER, name)(target, key, descriptor);
  };
}
