import { startTestApp, TestApp } from './support/test-app';
import { runNotificationFanout } from '../bench/scenarios/notification-fanout';

// Keeps the bench scenario working (small N); `npm run bench` runs it at 5,000. No timing asserted.
describe('bench scenario notification-fanout (smoke)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('fans one event out to every recipient in the app and in the baseline', async () => {
    const recipients = Number(process.env.BENCH_RECIPIENTS ?? 200);
    const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
    const result = await runNotificationFanout({ databaseUrl: t.database.url, redisUrl: t.config.REDIS_URL, recipients, timeoutMs: 60_000, rounds });
    if (process.env.BENCH_RECIPIENTS) console.log(JSON.stringify(result));
    expect(result).toMatchObject({ scenario: 'notification-fanout', recipients, target: 0.5 });
    expect(result.appMs).toBeGreaterThan(0);
    expect(result.baselineMs).toBeGreaterThan(0);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE channel = 'in_app' AND event_key LIKE 'bench:module-unlocked:%'`);
    expect(n).toBe(recipients * rounds);
  });
});
