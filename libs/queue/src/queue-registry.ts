import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES, QueueName } from './job-catalog';
import { bullJobId } from './bull-job-id';

/** Looks up the BullMQ Queue of a name: for the relay, metrics, health and job-progress reads. */
@Injectable()
export class QueueRegistry {
  constructor(private readonly moduleRef: ModuleRef) {}

  get(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  all(): Queue[] {
    return QUEUE_NAMES.map((name) => this.get(name));
  }

  /** A job's state and progress, for APIs that expose long work (imports, regrades). `jobId` as published. */
  async jobStatus(queue: QueueName, jobId: string) {
    const job = await this.get(queue).getJob(bullJobId(jobId));
    if (!job) return null;
    return {
      id: jobId,
      name: job.name,
      state: await job.getState(),
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason || null,
      returnValue: job.returnvalue ?? null,
    };
  }
}
