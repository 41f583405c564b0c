import { Injectable, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { ClsService } from 'nestjs-cls';
import { JobName, QUEUE_NAMES, QueueName } from './job-catalog';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobFailure } from './job-failure.entity';
import { QueueSettings } from './queue-settings';
import { OutboxRelay } from './outbox-relay.service';
import { openDeferredRelayWake } from './deferred-relay-wake';
import { boundWorkerClose, WORKER_CLOSE_GRACE_MS } from './bounded-worker-close';

/** One BullMQ worker per queue; it hands each job to the @JobHandler registered for its name. */
@Injectable()
abstract class DispatchingProcessor extends WorkerHost implements OnApplicationBootstrap {
  protected abstract readonly queueName: QueueName;
  private readonly logger = new Logger('JobProcessor');

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly settings: QueueSettings,
    private readonly dataSource: DataSource,
    private readonly cls: ClsService,
    private readonly relay: OutboxRelay,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.settings.concurrencyByQueue?.[this.queueName] ?? this.settings.concurrency;
    boundWorkerClose(
      this.worker,
      WORKER_CLOSE_GRACE_MS,
      () => this.logger.warn({ msg: 'queue worker did not close in time after its last job; its Redis connections were dropped', queue: this.queueName, graceMs: WORKER_CLOSE_GRACE_MS }),
      () => this.activeJobs,
    );
  }

  /** Jobs this worker is running: a closing worker's grace starts only when none is (boundWorkerClose). */
  private activeJobs = 0;

  async process(job: Job): Promise<unknown> {
    this.activeJobs++;
    try {
      return await this.dispatch(job);
    } finally {
      this.activeJobs--;
    }
  }

  private async dispatch(job: Job): Promise<unknown> {
    const handler = this.registry.handlerFor(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
    // Each job runs in its own CLS context so that @Transactional() services work as under HTTP.
    return this.cls.run(async () => {
      const deferredWake = openDeferredRelayWake(this.cls);
      const result = await handler({
        name: job.name as JobName,
        id: job.id ?? '',
        data: job.data,
        attemptsMade: job.attemptsMade,
        updateProgress: (progress) => job.updateProgress(progress),
        raw: job,
      });
      // The handler's transactions have committed: the rows it left for the next poll can go now.
      if (deferredWake.pending) this.relay.soon();
      return result;
    });
  }

  /** Connection errors (Redis down): BullMQ reconnects by itself; say so once per outage, not per retry. */
  private lastConnectionError = 0;

  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (Date.now() - this.lastConnectionError < 30_000) return;
    this.lastConnectionError = Date.now();
    this.logger.warn({ msg: 'queue worker connection error; retrying', queue: this.queueName, error: error.message });
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    this.logger.warn({ msg: 'job failed', queue: this.queueName, job: job.name, jobId: job.id, attempt: job.attemptsMade, final, error: error.message });
    if (!final) return;
    try {
      await this.dataSource.getRepository(JobFailure).insert({
        queue: this.queueName,
        jobName: job.name,
        jobId: job.id ?? '',
        payload: job.data,
        attemptsMade: job.attemptsMade,
        error: error.message.slice(0, 2000),
      });
    } catch (writeError) {
      this.logger.error({ msg: 'could not record job failure', jobId: job.id, error: (writeError as Error).message });
    }
  }
}

function processorFor(queueName: QueueName): Type<DispatchingProcessor> {
  class QueueProcessor extends DispatchingProcessor {
    protected readonly queueName = queueName;
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queueName[0].toUpperCase()}${queueName.slice(1)}QueueProcessor` });
  Processor(queueName)(QueueProcessor);
  return QueueProcessor;
}

export const QUEUE_PROCESSORS: Type<DispatchingProcessor>[] = QUEUE_NAMES.map(processorFor);
