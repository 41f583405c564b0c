import { BenchScenario } from '../harness/bench-context';
import { BENCH_ROUNDS } from '../harness/measure';
import { median, roundRatios } from '../harness/rounds';
import { runNotificationFanout } from './notification-fanout';

const RECIPIENTS = Number(process.env.BENCH_FANOUT_RECIPIENTS ?? 5000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Scenario `notification-fanout` (issue 7.6), registered: one event to 5,000 inboxes through the real worker vs a bare BullMQ + pg worker. */
export const notificationFanoutScenario: BenchScenario<void> = {
  description: `One cohort-wide event (module-unlocked, in-app) fanned out to ${RECIPIENTS} recipients through outbox, relay, BullMQ and the notify handler, timed until every inbox row exists; against a bare BullMQ + pg worker inserting the same rows`,
  method: `${BENCH_ROUNDS} rounds alternating app and baseline, each timed from the outbox insert (app) or queue add (baseline) until the database counts every inbox row (polled every 10 ms); times and notifications/s are medians over rounds, each ratio the median of the per-round ratios with their min–max in brackets`,
  async setup() {
    return undefined;
  },
  async run(ctx) {
    const result = await runNotificationFanout({ databaseUrl: ctx.db.url, redisUrl: REDIS_URL, recipients: RECIPIENTS, rounds: BENCH_ROUNDS });
    const perSecond = (ms: number) => (RECIPIENTS * 1000) / ms;
    const throughput = roundRatios(result.appRuns.map(perSecond), result.baselineRuns.map(perSecond), true);
    const time = roundRatios(result.appRuns, result.baselineRuns, false);
    const rounds = result.appRuns.length;
    return [
      { scenario: 'notification-fanout', metric: 'notifications/s', ours: Math.round(perSecond(median(result.appRuns))), baseline: Math.round(perSecond(median(result.baselineRuns))), ratio: throughput.ratio, ratioSpread: throughput.spread, rounds, target: 0.5, unit: '/s' },
      { scenario: 'notification-fanout', metric: `time to ${RECIPIENTS} inbox rows`, ours: Math.round(median(result.appRuns)), baseline: Math.round(median(result.baselineRuns)), ratio: time.ratio, ratioSpread: time.spread, rounds, unit: 'ms' },
    ];
  },
};
