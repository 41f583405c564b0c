import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { onTransactionRetry } from '@gds/database';
import { PipelineHealth, QUEUE_STATES } from './pipeline-health.service';
import { requestDurationHistogram } from './request-duration';

/** Prometheus metrics of this process: request latency, queue depths, outbox backlog and lag, transaction retries. */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly outboxPending: Gauge;
  private readonly outboxOldestDueAge: Gauge;
  private readonly outboxAbandonedClaims: Gauge;
  private readonly stopCountingRetries: () => void;

  constructor(private readonly health: PipelineHealth) {
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = requestDurationHistogram([this.registry]);
    new Gauge({
      name: 'queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const depth of await health.queueDepths()) {
          if (!depth.available) continue;
          for (const state of QUEUE_STATES) this.set({ queue: depth.queue, state }, depth[state]);
        }
      },
    });
    this.outboxPending = new Gauge({ name: 'outbox_pending_messages', help: 'Outbox rows not yet moved to a queue', registers: [this.registry] });
    this.outboxOldestDueAge = new Gauge({
      name: 'outbox_oldest_due_age_seconds',
      help: 'Age of the oldest outbox row that is due and not yet moved to a queue (0 when none)',
      registers: [this.registry],
    });
    this.outboxAbandonedClaims = new Gauge({
      name: 'outbox_abandoned_claim_messages',
      help: 'Unsent outbox rows a relay claimed but neither moved nor retried before its lease ran out (relay died or hung)',
      registers: [this.registry],
    });
    const retries = new Counter({
      name: 'db_transaction_retries_total',
      help: 'Transactions Postgres aborted with a deadlock (40P01) or serialization failure (40001): re-run (outcome "retried") or given up after the last attempt ("gave_up": a request then answers 503)',
      labelNames: ['code', 'outcome'],
      registers: [this.registry],
    });
    this.stopCountingRetries = onTransactionRetry(({ code, gaveUp }) => retries.inc({ code, outcome: gaveUp ? 'gave_up' : 'retried' }));
  }

  /** The retry hook is process-wide: a closed app (tests start several in one process) stops counting. */
  onModuleDestroy(): void {
    this.stopCountingRetries();
  }

  /**
   * One scrape's text. Both outbox gauges are set from one read of the outbox, made before the
   * registry renders: not `collect` hooks, since prom-client runs every metric's hook at once and
   * two hooks would each query the outbox.
   */
  async scrape(): Promise<string> {
    const lag = await this.health.outboxLag().catch(() => null);
    this.outboxPending.set(lag ? lag.pending : -1);
    this.outboxOldestDueAge.set(lag ? (lag.oldestDueAgeSeconds ?? 0) : -1);
    this.outboxAbandonedClaims.set(lag ? lag.abandonedClaims : -1);
    return this.registry.metrics();
  }
}
