import { randomBytes } from 'node:crypto';
import { QueueRegistry } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { publishNotify, waitForInboxItem } from './support/notification-builders';

describe('notifications: job schedulers with two worker processes', () => {
  const prefix = `{t${randomBytes(5).toString('hex')}}`;
  const env = { QUEUE_PREFIX: prefix, EMAIL_DIGEST_INTERVAL_MS: '1000' };
  let api: TestApp;
  const workers: TestApp[] = [];
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    api = await startTestApp({ role: 'api', env });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api.close();
    await smtp.close();
  });

  it('creates no scheduler in an api process', async () => {
    expect(await api.get<QueueRegistry>(QueueRegistry).get('notifications').getJobSchedulers()).toEqual([]);
  });

  it('runs each scheduled digest slot once, and sends each digest once, with two workers', async () => {
    for (let i = 0; i < 2; i++) {
      workers.push(await startTestApp({ role: 'worker', database: api.database, env: { ...env, SMTP_URL: smtp.url } }));
    }
    const schedulers = await api.get<QueueRegistry>(QueueRegistry).get('notifications').getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(['send-email-digests']);

    const admin = await loginAdmin(api.api);
    const trainee = await createUser(api.api, admin.token, ['trainee']);
    const put = await api.api.put('/api/v1/me/notification-preferences', { preferences: [{ type: 'submission-graded', channel: 'email', mode: 'digest' }] }, trainee.token);
    expect(put.status).toBe(200);
    // One notification: with a 1 s schedule, two would race the slots (batching is tested elsewhere).
    const a = await publishNotify(api, 'submission-graded', [trainee.id], { assessmentTitle: 'Scheduled A' });
    await waitForInboxItem(api, trainee.token, a.eventKey);

    // At least three slots after the notifications were queued; each slot recorded once.
    const since = Date.now();
    await waitFor(async () => {
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_schedule_run WHERE scheduler = 'send-email-digests' AND ran_at >= to_timestamp($1 / 1000.0)`, [since]);
      return n >= 3;
    }, { what: 'three scheduled digest runs', timeoutMs: 60_000 });
    await waitFor(() => smtp.to(trainee.email).length > 0, { what: 'the digest email', timeoutMs: 60_000 });

    const runs: Array<{ slot_ms: string; job_id: string }> = await api.dataSource.query(`SELECT slot_ms, job_id FROM notification_schedule_run WHERE scheduler = 'send-email-digests'`);
    expect(runs.every((r) => r.job_id === `repeat:send-email-digests:${r.slot_ms}`)).toBe(true);
    const completed = await api.get<QueueRegistry>(QueueRegistry).get('notifications').getJobs(['completed'], 0, 1000);
    const digestJobs = completed.filter((job) => job.name === 'send-email-digests');
    const bySlot = new Map<string, number>();
    const slotOf = (id = '') => id.split(':').pop() as string;
    for (const job of digestJobs) bySlot.set(slotOf(job.id), (bySlot.get(slotOf(job.id)) ?? 0) + 1);
    expect(digestJobs.length).toBeGreaterThanOrEqual(3);
    expect([...bySlot.values()].every((count) => count === 1)).toBe(true);
    expect(digestJobs.filter((job) => job.returnvalue?.duplicateSlot)).toEqual([]);

    const [digest] = smtp.to(trainee.email);
    expect(digest.subject).toContain('1 notification');
    expect(digest.text).toContain('Scheduled A');
    // More slots pass; nothing is sent twice.
    const slotsNow = runs.length;
    await waitFor(async () => (await api.dataSource.query(`SELECT 1 FROM notification_schedule_run`)).length >= slotsNow + 2, { what: 'two more slots', timeoutMs: 60_000 });
    expect(smtp.to(trainee.email)).toHaveLength(1);
  });
});
