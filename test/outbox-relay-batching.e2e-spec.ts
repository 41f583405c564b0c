import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { OutboxRelay, QueueRegistry, QueueSettings } from '@gds/queue';
import { publishInTransaction, startTestApp, TestApp } from './support/test-app';
import { waitFor } from '@gds/testing';

/*
 * Issue 23: the relay's cost per message. Rows claimed together become jobs in one addBulk per queue
 * and are marked sent by one statement; a running relay spaces its claims so that rows committed
 * meanwhile share a batch, and marks a batch with the claim that follows it. At least once still:
 * a batch added and never marked is moved again after its lease, and adds no second job. The app
 * runs as the api (no relay loop of its own); each test drives a relay of its own.
 */
describe('outbox relay: batches', () => {
  let t: TestApp;
  let registry: QueueRegistry;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    registry = t.get(QueueRegistry);
  });
  afterAll(() => t?.close());
  beforeEach(() => t.dataSource.query('DELETE FROM outbox_message WHERE sent_at IS NULL'));

  /** Every statement the relay sends, with when it was sent. */
  function recordStatements(relay: OutboxRelay): Array<{ name: string; params: unknown[]; at: number }> {
    const sent: Array<{ name: string; params: unknown[]; at: number }> = [];
    const pool = (relay as unknown as { pool: { query: (statement: unknown, params: unknown[]) => Promise<unknown[]> } }).pool;
    const query = pool.query.bind(pool);
    jest.spyOn(pool, 'query').mockImplementation((statement, params) => {
      sent.push({ name: typeof statement === 'string' ? statement : (statement as { name: string }).name, params, at: Date.now() });
      return query(statement, params);
    });
    return sent;
  }

  const rowsOf = (jobIds: string[]) =>
    t.dataSource.query(`SELECT id, job_id AS "jobId", claims, sent_at IS NOT NULL AS sent FROM outbox_message WHERE job_id = ANY($1) ORDER BY job_id`, [jobIds]) as Promise<Array<{ id: string; jobId: string; claims: number; sent: boolean }>>;

  it('adds a batch claimed together with one addBulk per queue and marks it sent with one statement', async () => {
    const progress = [randomUUID(), randomUUID()];
    const jobIds = [
      ...(await Promise.all(progress.map((enrollmentId) => publishInTransaction(t, 'recompute-progress', { enrollmentId })))),
      await publishInTransaction(t, 'pipeline-probe', { probeId: randomUUID() }),
    ];
    const relay = new OutboxRelay(t.dataSource, registry, t.get(QueueSettings));
    const statements = recordStatements(relay);
    const adds = (['progress', 'maintenance'] as const).map((name) => jest.spyOn(registry.get(name), 'addBulk'));
    try {
      expect(await relay.relayBatch()).toBe(3);
      expect(adds[0]).toHaveBeenCalledTimes(1);
      expect(adds[0].mock.calls[0][0].map((job) => job.opts?.jobId).sort()).toEqual(jobIds.slice(0, 2).sort());
      expect(adds[1]).toHaveBeenCalledTimes(1);
      expect(adds[1].mock.calls[0][0].map((job) => job.opts?.jobId)).toEqual([jobIds[2]]);
    } finally {
      adds.forEach((spy) => spy.mockRestore());
    }
    expect(statements.map((s) => s.name)).toEqual(['outbox:claim-due-rows-marking', 'outbox:mark-rows-sent']);
    expect((await rowsOf(jobIds)).map((row) => [row.claims, row.sent])).toEqual([[1, true], [1, true], [1, true]]);
  });

  /**
   * Waits until a started relay has answered its first claim (of nothing) and its LISTEN has taken
   * effect, so that a row the test commits next is claimed by a later, recorded claim through its NOTIFY.
   * Bootstrap only sends that first claim; the relay's own connection is opened for it, and on a
   * loaded machine it could reach Postgres after the test's first row had committed and take that row
   * unrecorded (CI: `marksOf` of an undefined claim). pg_stat_activity is no sign: LISTEN shows there
   * before it commits (a NOTIFY meanwhile is not delivered), and the previous test's relay may still show.
   */
  async function relayReady(relay: OutboxRelay): Promise<void> {
    const connections = relay as unknown as RelayConnections;
    await waitFor(() => (connections.listener !== undefined && (connections.ownPool?.idleCount ?? 0) > 0) || undefined, {
      what: 'the relay to listen and to have answered its first claim',
    });
  }

  /**
   * The relay's waits, for the test to end the claim-spacing holds itself: each unwakeable sleep (the
   * hold) is the relay's own, which a NOTIFY must not end, and ends when the test calls its `end` (the
   * way shutdown ends a wait), so no hold depends on how fast the machine commits meanwhile.
   */
  function recordHolds(relay: OutboxRelay) {
    const internals = relay as unknown as RelayInternals;
    const sleep = internals.sleep.bind(relay);
    const holds: Array<{ ms: number; end: () => void; ended: boolean }> = [];
    jest.spyOn(internals, 'sleep').mockImplementation((ms, wakeable) => {
      const sleeping = sleep(ms, wakeable);
      if (!wakeable) {
        const hold = { ms, end: internals.stopWaiting ?? (() => undefined), ended: false };
        void sleeping.then(() => (hold.ended = true));
        holds.push(hold);
      }
      return sleeping;
    });
    return { holds, heard: jest.spyOn(internals, 'nudge') };
  }

  it('a running relay holds the claim spacing after a batch, then marks that batch with the next claim', async () => {
    // Far longer than the test: every hold ends when the test ends it.
    const spacingMs = 600_000;
    const settings = { ...t.get<QueueSettings>(QueueSettings), outboxClaimSpacingMs: spacingMs } as QueueSettings;
    const relay = new OutboxRelay(t.dataSource, registry, settings);
    const queue: Queue = registry.get('progress');
    relay.onApplicationBootstrap();
    try {
      // On the relay's own connection from bootstrap on; its first claim, sent at bootstrap, is answered before any row commits (relayReady).
      const statements = recordStatements(relay);
      const { holds, heard } = recordHolds(relay);
      const claims = () => statements.filter((s) => s.name === 'outbox:claim-due-rows-marking');
      await relayReady(relay);
      const heardAtStart = heard.mock.calls.length;
      const first = await publishInTransaction(t, 'recompute-progress', { enrollmentId: randomUUID() });
      // Its NOTIFY heard too (a poll may have claimed the row first), so that the next one heard is the second row's.
      await waitFor(() => holds.length > 0 && heard.mock.calls.length > heardAtStart, { what: 'the relay to hold after the batch of the first row' });
      expect(await queue.getJob(first)).toBeDefined();
      // The hold runs from that claim: at most the spacing.
      expect(holds[0].ms).toBeGreaterThan(0);
      expect(holds[0].ms).toBeLessThanOrEqual(spacingMs);
      const claimsBeforeSecond = claims().length;

      // Committed while the relay holds: it hears the NOTIFY and keeps holding, claiming nothing.
      const heardBefore = heard.mock.calls.length;
      const second = await publishInTransaction(t, 'recompute-progress', { enrollmentId: randomUUID() });
      await waitFor(() => heard.mock.calls.length > heardBefore, { what: 'the relay to hear the second row’s NOTIFY' });
      expect(holds[0].ended).toBe(false);
      expect(claims()).toHaveLength(claimsBeforeSecond);
      expect(await queue.getJob(second)).toBeFalsy();

      // The spacing over, it claims the second row, marking the first with that claim, and holds again.
      holds[0].end();
      await waitFor(() => holds.length > 1, { what: 'the relay to hold after the batch of the second row' });
      expect(await queue.getJob(second)).toBeDefined();
      expect(claims()).toHaveLength(claimsBeforeSecond + 1);
      // Nothing came during that hold: it marks the second batch with a statement of its own, then sleeps.
      holds[1].end();
      await waitFor(async () => (await relay.pendingCount()) === 0 || undefined, { what: 'both rows to be marked sent' });

      const [firstRow, secondRow] = await rowsOf([first, second]).then((rows) => [rows.find((r) => r.jobId === first)!, rows.find((r) => r.jobId === second)!]);
      const [claimOfFirst, claimOfSecond] = claims().slice(claimsBeforeSecond - 1);
      expect(marksOf(claimOfFirst)).toEqual([]);
      // The claim that took the second row marked the first: no statement of its own for that mark.
      expect(marksOf(claimOfSecond)).toEqual([firstRow.id]);
      const marks = statements.filter((s) => s.name === 'outbox:mark-rows-sent');
      expect(marks.map((s) => s.params[0])).toEqual([[secondRow.id]]);
      expect([firstRow.claims, secondRow.claims]).toEqual([1, 1]);
      expect(holds).toHaveLength(2);
    } finally {
      await relay.beforeApplicationShutdown();
    }
  });

  it('a row committed while the mark before the sleep is in flight is claimed at once, not at the next poll', async () => {
    // A poll interval far beyond the wait below: the second row can only be claimed in time through its NOTIFY.
    const settings = { ...t.get<QueueSettings>(QueueSettings), outboxClaimSpacingMs: 0, outboxPollIntervalMs: 600_000 } as QueueSettings;
    const relay = new OutboxRelay(t.dataSource, registry, settings);
    const internals = relay as unknown as { woken: boolean; pool: { query: (statement: unknown, params: unknown[]) => Promise<unknown[]> } };
    const queue: Queue = registry.get('progress');
    relay.onApplicationBootstrap();
    let second: string | undefined;
    try {
      await relayReady(relay);
      const sent: string[] = [];
      const query = internals.pool.query.bind(internals.pool);
      jest.spyOn(internals.pool, 'query').mockImplementation(async (statement, params) => {
        const name = typeof statement === 'string' ? statement : (statement as { name: string }).name;
        sent.push(name);
        if (name === 'outbox:mark-rows-sent' && second === undefined) {
          // The first batch's mark is on its way: a row commits now, and its NOTIFY arrives before the mark answers.
          second = await publishInTransaction(t, 'recompute-progress', { enrollmentId: randomUUID() });
          await waitFor(() => internals.woken || undefined, { what: 'the NOTIFY of the second row' });
        }
        return query(statement, params);
      });
      const first = await publishInTransaction(t, 'recompute-progress', { enrollmentId: randomUUID() });
      await waitFor(async () => (await queue.getJob(first)) ?? undefined, { what: 'the first job', timeoutMs: 15_000 });
      await waitFor(async () => (second !== undefined && (await queue.getJob(second))) || undefined, { what: 'the second job, through its NOTIFY', timeoutMs: 15_000 });
      // Claim of the first, its mark (the second row commits meanwhile), then at once the claim that takes the second.
      const fromFirstMark = sent.slice(sent.indexOf('outbox:mark-rows-sent'));
      expect(fromFirstMark.slice(0, 2)).toEqual(['outbox:mark-rows-sent', 'outbox:claim-due-rows-marking']);
    } finally {
      await relay.beforeApplicationShutdown();
    }
  });

  it('a batch added and never marked (the relay died) moves again after its lease and adds no second job', async () => {
    const probeId = randomUUID();
    const jobId = await publishInTransaction(t, 'pipeline-probe', { probeId });
    const queue: Queue = registry.get('maintenance');
    const dying = new OutboxRelay(t.dataSource, registry, t.get(QueueSettings));
    // Claimed and added; the process ends before any mark.
    expect(await (dying as unknown as { claimAndAdd(): Promise<number> }).claimAndAdd()).toBe(1);
    expect(await queue.getJob(jobId)).toBeDefined();
    const waitingBefore = await queue.getWaitingCount();
    await t.dataSource.query(`UPDATE outbox_message SET leased_until = now() - interval '1 second' WHERE job_id = $1`, [jobId]);

    const other = new OutboxRelay(t.dataSource, registry, t.get(QueueSettings));
    const adds = jest.spyOn(queue, 'addBulk');
    try {
      expect(await other.relayBatch()).toBe(1);
      expect(adds).toHaveBeenCalledTimes(1);
    } finally {
      adds.mockRestore();
    }
    expect(await queue.getWaitingCount()).toBe(waitingBefore);
    expect((await queue.getWaiting()).filter((job) => job.id === jobId)).toHaveLength(1);
    expect((await rowsOf([jobId])).map((row) => [row.claims, row.sent])).toEqual([[2, true]]);
  });
});

/** The relay's waits (private): the sleep, the end of the current one (shutdown's), and what a NOTIFY calls. */
interface RelayInternals {
  sleep(ms: number, wakeable: boolean): Promise<void>;
  stopWaiting: (() => void) | undefined;
  nudge(): void;
}

/**
 * The relay's connections (private): the listener, set once its LISTEN has committed, and its own pool,
 * whose one connection is idle only once a statement on it has been answered.
 */
interface RelayConnections {
  listener: unknown;
  ownPool: { idleCount: number } | undefined;
}

/** The ids a claim statement marked sent with it ($3). */
function marksOf(statement: { params: unknown[] }): string[] {
  return statement.params[2] as string[];
}
