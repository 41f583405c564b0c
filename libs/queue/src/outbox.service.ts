import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { JobName, JobPayloads, jobPolicy } from './job-catalog';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_CHANNEL } from './outbox-channel';

export interface PublishOptions {
  /** Deterministic job id, so that publishing the same fact twice makes one job. */
  jobId?: string;
  delayMs?: number;
}

/**
 * Writes events into the outbox inside the caller's transaction. Never enqueues directly: the
 * relay does, after the transaction has committed.
 */
@Injectable()
export class Outbox {
  constructor(private readonly txHost: AppTransactionHost) {}

  async publish<N extends JobName>(name: N, payload: JobPayloads[N], options: PublishOptions = {}): Promise<void> {
    await this.publishMany(name, [{ payload, ...options }]);
  }

  async publishMany<N extends JobName>(name: N, items: Array<{ payload: JobPayloads[N] } & PublishOptions>): Promise<void> {
    if (items.length === 0) return;
    const policy = jobPolicy(name);
    if (!policy) throw new Error(`Unknown job "${name}"`);
    const rows = items.map((item) => ({
      jobName: name,
      queue: policy.queue,
      payload: item.payload as unknown as Record<string, unknown>,
      jobId: item.jobId ?? null,
      availableAt: new Date(Date.now() + (item.delayMs ?? 0)),
    }));
    for (let start = 0; start < rows.length; start += 1000) {
      await this.txHost.tx.getRepository(OutboxMessage).insert(rows.slice(start, start + 1000) as never);
    }
    // Delivered at commit (and only then), once per transaction: wakes the relays at once.
    await this.txHost.tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
}
