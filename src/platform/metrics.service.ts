import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { QUEUE_NAMES, QueueRegistry } from '@gds/queue';

/** Prometheus metrics of this process: request latency, queue depths, outbox backlog. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(queues: QueueRegistry, dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const name of QUEUE_NAMES) {
          const counts = await queues.get(name).getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => ({}));
          for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count as number);
        }
      },
    });
    new Gauge({
      name: 'outbox_pending_messages',
      help: 'Outbox rows not yet moved to a queue',
      registers: [this.registry],
      async collect() {
        const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL').catch(() => [{ n: -1 }]);
        this.set(row.n);
      },
    });
  }
}
