import { DataSource } from 'typeorm';
import { QueueRegistry } from '@gds/queue';
import { MetricsService } from './metrics.service';
import { PipelineHealth } from './pipeline-health.service';

/** A data source that answers the outbox-lag query and counts every query it is asked. */
function countingDataSource(answer: () => Promise<unknown[]>) {
  const queries: string[] = [];
  const dataSource = {
    query: (sql: string) => {
      queries.push(sql);
      return answer();
    },
  } as unknown as DataSource;
  return { dataSource, outboxQueries: () => queries.filter((sql) => /\boutbox_message\b/.test(sql)).length };
}

const queues = { get: () => ({ getJobCounts: async () => ({ waiting: 3, active: 0, delayed: 1, failed: 0 }) }) } as unknown as QueueRegistry;

describe('MetricsService', () => {
  it('reads the outbox once per scrape and reports the outbox gauges from that read', async () => {
    const { dataSource, outboxQueries } = countingDataSource(async () => [{ pending: 7, due: 2, oldest_due_at: new Date(), oldest_due_age: 42.5, abandoned_claims: 3 }]);
    const metrics = new MetricsService(new PipelineHealth(queues, dataSource));

    const text = await metrics.scrape();
    expect(outboxQueries()).toBe(1);
    expect(text).toMatch(/^outbox_pending_messages 7$/m);
    expect(text).toMatch(/^outbox_oldest_due_age_seconds 42\.5$/m);
    expect(text).toMatch(/^outbox_abandoned_claim_messages 3$/m);
    expect(text).toMatch(/^queue_jobs\{queue="grading",state="waiting"\} 3$/m);

    await metrics.scrape();
    expect(outboxQueries()).toBe(2);
  });

  it('reports -1 for the outbox gauges when the database does not answer', async () => {
    const { dataSource, outboxQueries } = countingDataSource(() => Promise.reject(new Error('connection refused')));
    const text = await new MetricsService(new PipelineHealth(queues, dataSource)).scrape();
    expect(outboxQueries()).toBe(1);
    expect(text).toMatch(/^outbox_pending_messages -1$/m);
    expect(text).toMatch(/^outbox_oldest_due_age_seconds -1$/m);
    expect(text).toMatch(/^outbox_abandoned_claim_messages -1$/m);
  });
});
