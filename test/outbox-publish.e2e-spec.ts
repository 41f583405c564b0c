import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ClsService } from 'nestjs-cls';
import { waitFor } from '@gds/testing';
import { AppTransactionHost } from '@gds/database';
import { jobIdFor, Outbox, OUTBOX_CHANNEL, OutboxOutsideTransactionError } from '@gds/queue';
import { startTestApp, TestApp } from './support/test-app';

describe('outbox: publishing', () => {
  let t: TestApp;
  let listener: Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    // The api role runs no relay: the rows stay in the outbox for the test to read.
    t = await startTestApp({ role: 'api' });
    listener = new Client({ connectionString: t.database.url });
    await listener.connect();
    listener.on('notification', (message) => notifications.push(message.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await t.close();
  });

  const inTransaction = <R>(work: (outbox: Outbox) => Promise<R>) =>
    t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => work(t.get<Outbox>(Outbox))));
  const rowsOf = (ids: string[]) =>
    t.dataSource.query(
      `SELECT job_name, queue, payload, job_id, round(extract(epoch FROM available_at - created_at))::int AS delay_s, sent_at
         FROM outbox_message WHERE payload->>'enrollmentId' = ANY($1) OR payload->>'submissionId' = ANY($1) ORDER BY job_name`,
      [ids],
    );

  it('stores jobs of several names in one call, with their queues, catalog ids and delays, and wakes the relays once at commit', async () => {
    const [enrollmentId, submissionId] = [randomUUID(), randomUUID()];
    const ids = await inTransaction(async (outbox) => {
      const published = await outbox.publishAll([
        { name: 'recompute-progress', payload: { enrollmentId }, delayMs: 60_000 },
        { name: 'grade-submission', payload: { submissionId } },
      ]);
      // Nothing is announced before the commit.
      expect(notifications).toHaveLength(0);
      return published;
    });
    await waitFor(async () => notifications.length === 1, { what: 'the NOTIFY of the commit' });
    // The grading job's id is the catalog's, from its payload; a recompute is a job per publication.
    expect(ids[1]).toBe(jobIdFor('grade-submission', { submissionId }));
    expect(ids[1]).toBe(`grade-submission.${submissionId}`);
    expect(ids[0]).toMatch(/^recompute-progress\.[0-9a-f-]{36}$/);
    expect(await rowsOf([enrollmentId, submissionId])).toEqual([
      { job_name: 'grade-submission', queue: 'grading', payload: { submissionId }, job_id: ids[1], delay_s: 0, sent_at: null },
      { job_name: 'recompute-progress', queue: 'progress', payload: { enrollmentId }, job_id: ids[0], delay_s: 60, sent_at: null },
    ]);
  });

  it('leaves rows published with wakeRelay: false to the next poll, without a NOTIFY', async () => {
    notifications.length = 0;
    const [quiet, loud] = [randomUUID(), randomUUID()];
    await inTransaction((outbox) => outbox.publishAll([{ name: 'recompute-progress', payload: { enrollmentId: quiet } }], { wakeRelay: false }));
    await inTransaction((outbox) => outbox.publish('recompute-progress', { enrollmentId: loud }));
    // Notifications arrive in commit order: had the first transaction notified, there would be two.
    await waitFor(async () => notifications.length >= 1, { what: 'the NOTIFY of the second commit' });
    expect(notifications).toHaveLength(1);
    expect((await rowsOf([quiet, loud])).map((row: { payload: { enrollmentId: string } }) => row.payload.enrollmentId).sort()).toEqual([quiet, loud].sort());
  });

  it('refuses a job name the catalog does not know, storing nothing', async () => {
    const enrollmentId = randomUUID();
    await expect(inTransaction((outbox) => outbox.publishAll([{ name: 'no-such-job' as never, payload: { enrollmentId } as never }]))).rejects.toThrow('Unknown job "no-such-job"');
    expect(await rowsOf([enrollmentId])).toEqual([]);
  });

  it('refuses to publish outside a transaction, storing nothing (a missing @Transactional() fails loudly)', async () => {
    const enrollmentId = randomUUID();
    const outbox = t.get<Outbox>(Outbox);
    await expect(t.get<ClsService>(ClsService).run(() => outbox.publish('recompute-progress', { enrollmentId }))).rejects.toThrow(OutboxOutsideTransactionError);
    await expect(outbox.publishMany('recompute-progress', [{ payload: { enrollmentId } }])).rejects.toThrow(/outside a transaction \(recompute-progress\)/);
    expect(await rowsOf([enrollmentId])).toEqual([]);
  });
});
