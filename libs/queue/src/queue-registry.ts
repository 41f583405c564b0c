import { FactoryProvider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES, QueueName } from './job-catalog';

/** The BullMQ Queue of each name: for the relay, metrics, health and job-progress reads. */
export class QueueRegistry {
  private readonly byName: ReadonlyMap<QueueName, Queue>;

  constructor(queues: readonly Queue[]) {
    this.byName = new Map(QUEUE_NAMES.map((name, i) => [name, queues[i]]));
  }

  /** A provider built from every registered queue, in QUEUE_NAMES order (no lookup by token at run time). */
  static provider(): FactoryProvider<QueueRegistry> {
    return { provide: QueueRegistry, inject: QUEUE_NAMES.map((name) => getQueueToken(name)), useFactory: (...queues: Queue[]) => new QueueRegistry(queues) };
  }

  get(name: QueueName): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`no queue named ${name}`);
    return queue;
  }

  all(): Queue[] {
    return [...this.byName.values()];
  }

  /** A job's state and progress, for APIs that expose long work (imports, regrades). `jobId` as the outbox published it (jobIdFor). */
  async jobStatus(queue: QueueName, jobId: string) {
    const job = await this.get(queue).getJob(jobId);
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
