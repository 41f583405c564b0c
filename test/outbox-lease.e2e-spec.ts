import { randomUUID } from 'node:crypto';
import { OutboxRelay, QueueRegistry, QueueSettings } from '@gds/queue';
import { PipelineHealth } from '../src/platform/pipeline-health.service';
import { publishInTransaction, startTestApp, TestApp } from './support/test-app';

/*
 * A relay that dies holding a row (claimed, neither moved nor postponed) must not hide the row's lag:
 * the lease has its own column, so the row's due age keeps growing past the 30 s lease, and the
 * claims that ended that way are counted. The app runs as the api (no relay loop of its own); the
 * test drives a relay of its own, batch by batch.
 */
describe('outbox: a relay dying mid-move', () => {
  let t: TestApp;
  let relay: OutboxRelay;
  let health: PipelineHealth;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    relay = new OutboxRelay(t.dataSource, t.get(QueueRegistry), t.get(QueueSettings));
    health = t.get(PipelineHealth);
  });
  afterAll(() => t?.close());

  /** One batch by a relay that dies after its claim: nothing is enqueued, marked or postponed. */
  async function dyingBatch(): Promise<void> {
    const internals = relay as unknown as Record<'enqueue' | 'postpone', () => Promise<void>>;
    const enqueue = jest.spyOn(internals, 'enqueue').mockRejectedValue(new Error('relay process killed'));
    const postpone = jest.spyOn(internals, 'postpone').mockResolvedValue(undefined);
    try {
      expect(await relay.relayBatch()).toBe(0);
      expect(enqueue).toHaveBeenCalledTimes(1);
    } finally {
      enqueue.mockRestore();
      postpone.mockRestore();
    }
  }

  it('keeps counting the age since due under a lease, counts abandoned claims, then moves the row', async () => {
    await t.dataSource.query('DELETE FROM outbox_message WHERE sent_at IS NULL');
    const enrollmentId = randomUUID();
    await publishInTransaction(t, 'recompute-progress', { enrollmentId });
    await t.dataSource.query(`UPDATE outbox_message SET available_at = now() - interval '90 seconds' WHERE sent_at IS NULL`);

    await dyingBatch();
    // Leased: no other relay takes it, yet it is still due and its age counts from when it became due.
    expect(await relay.relayBatch()).toBe(0);
    let lag = await health.outboxLag();
    expect(lag).toMatchObject({ pending: 1, due: 1, abandonedClaims: 0 });
    expect(lag.oldestDueAgeSeconds).toBeGreaterThanOrEqual(90);

    // The lease runs out and the next relay dies on the same row: one claim abandoned, the age still grows.
    await t.dataSource.query(`UPDATE outbox_message SET leased_until = now() - interval '1 second' WHERE sent_at IS NULL`);
    await dyingBatch();
    lag = await health.outboxLag();
    expect(lag).toMatchObject({ pending: 1, due: 1, abandonedClaims: 1 });
    expect(lag.oldestDueAgeSeconds).toBeGreaterThanOrEqual(90);
    const [row] = await t.dataSource.query(`SELECT claims, attempts FROM outbox_message WHERE payload->>'enrollmentId' = $1`, [enrollmentId]);
    expect(row).toEqual({ claims: 2, attempts: 0 });

    // Once the lease runs out, a relay that lives moves it.
    await t.dataSource.query(`UPDATE outbox_message SET leased_until = now() - interval '1 second' WHERE sent_at IS NULL`);
    expect(await relay.relayBatch()).toBe(1);
    expect(await health.outboxLag()).toMatchObject({ pending: 0, due: 0, oldestDueAgeSeconds: null, abandonedClaims: 0 });
  });

  /** Forges the end of every pending lease, as if the relay holding them had stalled past LEASE_MS. */
  async function expireLeases(): Promise<void> {
    await t.dataSource.query(`UPDATE outbox_message SET leased_until = now() - interval '1 second' WHERE sent_at IS NULL`);
  }

  it('a relay whose lease ran out and was claimed again neither marks nor postpones the other claim', async () => {
    await t.dataSource.query('DELETE FROM outbox_message WHERE sent_at IS NULL');
    const enrollmentId = randomUUID();
    await publishInTransaction(t, 'recompute-progress', { enrollmentId });
    const other = new OutboxRelay(t.dataSource, t.get(QueueRegistry), t.get(QueueSettings));
    const otherInternals = other as unknown as Record<'enqueue' | 'postpone', () => Promise<void>>;
    const internals = relay as unknown as Record<'enqueue', () => Promise<void>>;
    const rowState = async () =>
      (await t.dataSource.query(
        `SELECT claims, attempts, sent_at IS NOT NULL AS sent, leased_until > now() AS leased FROM outbox_message WHERE payload->>'enrollmentId' = $1`,
        [enrollmentId],
      ))[0];

    // The first relay stalls in its enqueue past its lease; meanwhile the second claims the row and is still moving it.
    const otherEnqueue = jest.spyOn(otherInternals, 'enqueue').mockRejectedValue(new Error('second relay killed'));
    const otherPostpone = jest.spyOn(otherInternals, 'postpone').mockResolvedValue(undefined);
    const stalled = jest.spyOn(internals, 'enqueue').mockImplementation(async () => {
      await expireLeases();
      expect(await other.relayBatch()).toBe(0);
    });
    try {
      await relay.relayBatch();
    } finally {
      stalled.mockRestore();
      otherEnqueue.mockRestore();
      otherPostpone.mockRestore();
    }
    // Not marked sent by the first relay: the second's claim (claims 2) still holds the row.
    expect(await rowState()).toEqual({ claims: 2, attempts: 0, sent: false, leased: true });

    // Same with a failed enqueue: the first relay's postpone must not end the second's lease nor count an attempt.
    await expireLeases();
    const failing = jest.spyOn(internals, 'enqueue').mockImplementation(async () => {
      await expireLeases();
      const dying = jest.spyOn(otherInternals, 'enqueue').mockRejectedValue(new Error('second relay killed'));
      const quiet = jest.spyOn(otherInternals, 'postpone').mockResolvedValue(undefined);
      try {
        expect(await other.relayBatch()).toBe(0);
      } finally {
        dying.mockRestore();
        quiet.mockRestore();
      }
      throw new Error('redis went away');
    });
    try {
      expect(await relay.relayBatch()).toBe(0);
    } finally {
      failing.mockRestore();
    }
    expect(await rowState()).toEqual({ claims: 4, attempts: 0, sent: false, leased: true });

    // The holder of the current lease marks it sent.
    await expireLeases();
    expect(await other.relayBatch()).toBe(1);
    expect(await rowState()).toMatchObject({ claims: 5, sent: true });
  });
});
