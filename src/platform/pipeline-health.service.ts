import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QUEUE_NAMES, QueueName, QueueRegistry } from '@gds/queue';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** A queue's jobs by state; `available: false` (and no counts) when Redis did not answer. */
export type QueueDepth = { queue: QueueName; available: true } & Record<QueueState, number>;
export type UnavailableQueueDepth = { queue: QueueName; available: false } & Record<QueueState, null>;

/**
 * The outbox's backlog: every unsent row, and of those the ones already due (a delayed retry is
 * not late until its time comes), with the age of the oldest due one — how far the relay is behind.
 */
export interface OutboxLag {
  pending: number;
  due: number;
  oldestDueAt: Date | null;
  oldestDueAgeSeconds: number | null;
  /**
   * Unsent rows a relay claimed and then neither moved nor postponed (it died or hung holding them,
   * and the lease ran out): each such claim is one more than the row's attempts + 1. A row that
   * crash-loops its relay shows here, while its due age keeps growing (the lease leaves available_at).
   */
  abandonedClaims: number;
}

/** Queue depth and outbox lag, read once here for both /metrics and the admin JSON route. */
@Injectable()
export class PipelineHealth {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly dataSource: DataSource,
  ) {}

  queueDepths(): Promise<Array<QueueDepth | UnavailableQueueDepth>> {
    return Promise.all(QUEUE_NAMES.map((queue) => this.queueDepth(queue)));
  }

  async outboxLag(): Promise<OutboxLag> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              count(*) FILTER (WHERE available_at <= now())::int AS due,
              min(available_at) FILTER (WHERE available_at <= now()) AS oldest_due_at,
              extract(epoch FROM now() - min(available_at) FILTER (WHERE available_at <= now()))::float8 AS oldest_due_age,
              count(*) FILTER (WHERE claims > attempts + 1)::int AS abandoned_claims
         FROM outbox_message WHERE sent_at IS NULL`,
    );
    return {
      pending: row.pending,
      due: row.due,
      oldestDueAt: row.oldest_due_at ? new Date(row.oldest_due_at) : null,
      oldestDueAgeSeconds: row.oldest_due_age === null ? null : Math.max(0, Math.round(row.oldest_due_age * 1000) / 1000),
      abandonedClaims: row.abandoned_claims,
    };
  }

  private async queueDepth(queue: QueueName): Promise<QueueDepth | UnavailableQueueDepth> {
    try {
      const counts = await this.queues.get(queue).getJobCounts(...QUEUE_STATES);
      return { queue, available: true, waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
    } catch {
      return { queue, available: false, waiting: null, active: null, delayed: null, failed: null };
    }
  }
}
