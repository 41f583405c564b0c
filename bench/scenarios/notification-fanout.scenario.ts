import { BenchScenario } from '../harness/bench-context';
import { runNotificationFanout } from './notification-fanout';

const RECIPIENTS = Number(process.env.BENCH_FANOUT_RECIPIENTS ?? 5000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Scenario `notification-fanout` (issue 7.6), registered: one event to 5,000 inboxes through the real worker vs a bare BullMQ + pg worker. */
export const notificationFanoutScenario: BenchScenario<void> = {
  description: `One cohort-wide event (module-unlocked, in-app) fanned out to ${RECIPIENTS} recipients through outbox, relay, BullMQ and the notify handler, timed until every inbox row exists; against a bare BullMQ + pg worker inserting the same rows (median of 3 alternating rounds)`,
  async setup() {
    return undefined;
  },
  async run(ctx) {
    const result = await runNotificationFanout({ databaseUrl: ctx.db.url, redisUrl: REDIS_URL, recipients: RECIPIENTS, rounds: 3 });
    const r = (n: number) => Math.round(n * 100) / 100;
    return [
      { scenario: 'notification-fanout', metric: 'notifications/s', ours: Math.round(result.appPerSecond), baseline: Math.round(result.baselinePerSecond), ratio: r(result.ratio), target: 0.5, unit: '/s' },
      { scenario: 'notification-fanout', metric: `time to ${RECIPIENTS} inbox rows`, ours: Math.round(result.appMs), baseline: Math.round(result.baselineMs), ratio: r(result.baselineMs / result.appMs), unit: 'ms' },
    ];
  },
};
