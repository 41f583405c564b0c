import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { waitFor } from '@gds/testing';
import { publishInTransaction, startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { deliveryRows, publishNotify, waitForInboxItem } from './support/notification-builders';
import { NotificationFanout } from '../src/notification/notification-fanout.service';

describe('notifications: inbox, exactly once, email, preferences, digests', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let admin: TestPerson;
  let alice: TestPerson;
  let bob: TestPerson;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, EMAIL_FROM: 'GDS Test <noreply@gds.test>' } });
    admin = await loginAdmin(t.api);
    alice = await createUser(t.api, admin.token, ['trainee']);
    bob = await createUser(t.api, admin.token, ['trainee']);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('puts a notification in each recipient’s inbox, newest first, and nobody else’s', async () => {
    const first = await publishNotify(t, 'enrolled', [alice.id, bob.id], { cohortName: 'Cebu Pilot' });
    // Jobs run concurrently: the second is published once the first has landed, so "newer" is certain.
    await waitForInboxItem(t, alice.token, first.eventKey);
    const second = await publishNotify(t, 'module-unlocked', [alice.id], { moduleTitle: 'Threat modelling' });
    await waitForInboxItem(t, alice.token, second.eventKey);
    const inbox = await t.api.get('/api/v1/me/notifications', alice.token);
    expect(inbox.status).toBe(200);
    const keys = inbox.body.items.map((i: { eventKey: string }) => i.eventKey);
    expect(keys.indexOf(second.eventKey)).toBeLessThan(keys.indexOf(first.eventKey));
    expect(inbox.body.items.find((i: { eventKey: string }) => i.eventKey === second.eventKey)).toMatchObject({
      type: 'module-unlocked', title: 'New module open: Threat modelling', readAt: null, data: { moduleTitle: 'Threat modelling' },
    });
    const bobs = await waitForInboxItem(t, bob.token, first.eventKey);
    expect(bobs.eventKey).toBe(first.eventKey);
    const bobInbox = await t.api.get('/api/v1/me/notifications?limit=100', bob.token);
    expect(bobInbox.body.items.map((i: { eventKey: string }) => i.eventKey)).not.toContain(second.eventKey);
  });

  it('counts unread, marks one and all read, and refuses another person’s notification with 404', async () => {
    const carol = await createUser(t.api, admin.token, ['trainee']);
    const events = [];
    for (let i = 0; i < 3; i++) events.push(await publishNotify(t, 'submission-graded', [carol.id], { assessmentTitle: `Quiz ${i}`, score: i, maxScore: 5 }));
    for (const e of events) await waitForInboxItem(t, carol.token, e.eventKey);
    expect((await t.api.get('/api/v1/me/notifications/unread-count', carol.token)).body).toEqual({ unread: 3 });
    const item = await waitForInboxItem(t, carol.token, events[0].eventKey);

    // Alice may not read, mark or even learn of Carol's notification.
    expect((await t.api.post(`/api/v1/me/notifications/${item.id}/read`, undefined, alice.token)).status).toBe(404);
    expect((await t.api.get('/api/v1/me/notifications/unread-count', carol.token)).body).toEqual({ unread: 3 });
    expect((await t.api.post(`/api/v1/me/notifications/${randomUUID()}/read`, undefined, carol.token)).status).toBe(404);
    expect((await t.api.post('/api/v1/me/notifications/not-a-uuid/read', undefined, carol.token)).status).toBe(404);

    const marked = await t.api.post(`/api/v1/me/notifications/${item.id}/read`, undefined, carol.token);
    expect(marked.status).toBe(200);
    expect(marked.body.readAt).toEqual(expect.any(String));
    expect((await t.api.get('/api/v1/me/notifications/unread-count', carol.token)).body).toEqual({ unread: 2 });
    const unread = await t.api.get('/api/v1/me/notifications?unread=true', carol.token);
    expect(unread.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    expect(unread.body.items).toHaveLength(2);

    const aliceBefore = (await t.api.get('/api/v1/me/notifications/unread-count', alice.token)).body.unread;
    const all = await t.api.post('/api/v1/me/notifications/read-all', undefined, carol.token);
    expect(all.body).toEqual({ marked: 2 });
    expect((await t.api.get('/api/v1/me/notifications/unread-count', carol.token)).body).toEqual({ unread: 0 });
    expect((await t.api.get('/api/v1/me/notifications/unread-count', alice.token)).body.unread).toBe(aliceBefore);
  });

  it('keeps each role’s inbox its own: instructors, reviewers and admins see only their own notifications', async () => {
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const review = await publishNotify(t, 'submission-needs-review', [instructor.id], { assessmentTitle: 'Rubric task', traineeName: 'Alice' });
    const digest = await publishNotify(t, 'cohort-digest', [instructor.id, reviewer.id], { cohortName: 'Cebu', summary: 'Week 3' });
    await waitForInboxItem(t, instructor.token, review.eventKey);
    await waitForInboxItem(t, reviewer.token, digest.eventKey);
    const item = await waitForInboxItem(t, instructor.token, digest.eventKey);
    for (const other of [reviewer, alice, admin]) {
      const inbox = await t.api.get('/api/v1/me/notifications?limit=100', other.token);
      expect(inbox.body.items.map((i: { eventKey: string }) => i.eventKey)).not.toContain(review.eventKey);
    }
    // The reviewer's own copy of the shared digest is a different notification: the instructor's id is not theirs.
    expect((await t.api.post(`/api/v1/me/notifications/${item.id}/read`, undefined, reviewer.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/me/notifications/${item.id}/read`, undefined, admin.token)).status).toBe(404);
    expect((await t.api.get('/api/v1/me/notifications/unread-count', instructor.token)).body).toEqual({ unread: 2 });
  });

  it('pages the inbox with an opaque cursor and refuses bad queries with 400', async () => {
    const dave = await createUser(t.api, admin.token, ['trainee']);
    const events = [];
    for (let i = 0; i < 5; i++) events.push(await publishNotify(t, 'deadline-approaching', [dave.id], { assessmentTitle: `Lab ${i}` }));
    for (const e of events) await waitForInboxItem(t, dave.token, e.eventKey);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.api.get(`/api/v1/me/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, dave.token);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await t.api.get('/api/v1/me/notifications?cursor=garbage!', dave.token)).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ at: 'not a time', id: 'x' })).toString('base64url');
    expect((await t.api.get(`/api/v1/me/notifications?cursor=${forged}`, dave.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/me/notifications?limit=500', dave.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/me/notifications?unread=maybe', dave.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/me/notifications')).status).toBe(401);
    expect((await t.api.get('/api/v1/me/notifications/unread-count')).status).toBe(401);
  });

  it('notifies exactly once per (event, recipient, channel) when the job runs twice', async () => {
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const eventKey = `graded:${randomUUID()}`;
    await publishNotify(t, 'submission-graded', [erin.id], { assessmentTitle: 'Twice', score: 4, maxScore: 5 }, { eventKey, jobId: 'first-run' });
    await publishNotify(t, 'submission-graded', [erin.id], { assessmentTitle: 'Twice', score: 4, maxScore: 5 }, { eventKey, jobId: 'second-run' });
    await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE job_id IN ('first-run','second-run') AND sent_at IS NOT NULL`)).length === 2, { what: 'both notify jobs relayed', timeoutMs: 30_000 });
    await waitFor(() => smtp.to(erin.email).length > 0, { what: 'the email', timeoutMs: 30_000 });
    // And the processor itself, run again by hand after both jobs: still nothing new.
    const fanout = t.get<NotificationFanout>(NotificationFanout);
    const again = await t.get<ClsService>(ClsService).run(() => fanout.fanOut({ type: 'submission-graded', eventKey, recipientIds: [erin.id], data: {} }));
    expect(again.created).toEqual({ inApp: 0, email: 0, webhooks: 0 });
    await waitFor(async () => {
      const [sentRows] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE event_key = $1 AND channel = 'email' AND status = 'sent'`, [eventKey]);
      return sentRows.n === 1;
    }, { what: 'the email delivery marked sent', timeoutMs: 30_000 });
    expect(await deliveryRows(t, eventKey)).toEqual([
      { recipient_id: erin.id, channel: 'email', status: 'sent' },
      { recipient_id: erin.id, channel: 'in_app', status: 'delivered' },
    ]);
    expect(smtp.to(erin.email)).toHaveLength(1);
    const inbox = await t.api.get('/api/v1/me/notifications', erin.token);
    expect(inbox.body.items.filter((i: { eventKey: string }) => i.eventKey === eventKey)).toHaveLength(1);
  });

  it('emails plain text and HTML with every piece of data escaped, over real SMTP', async () => {
    const frank = await createUser(t.api, admin.token, ['trainee']);
    const sent = await publishNotify(t, 'certificate-issued', [frank.id], { courseTitle: 'Cloud <b>Engineering</b> & "Ops"' });
    const [email] = await waitFor(() => (smtp.to(frank.email).length ? smtp.to(frank.email) : undefined), { what: 'the certificate email', timeoutMs: 30_000 });
    expect(email.from).toBe('noreply@gds.test');
    expect(email.subject).toContain('Certificate issued');
    expect(email.text).toContain('Cloud <b>Engineering</b> & "Ops"');
    expect(email.html).toContain('Cloud &lt;b&gt;Engineering&lt;/b&gt; &amp; &quot;Ops&quot;');
    expect(email.html).not.toContain('<b>Engineering');
    await waitForInboxItem(t, frank.token, sent.eventKey);
  });

  it('retries an email the SMTP server refuses for a while', async () => {
    const gina = await createUser(t.api, admin.token, ['trainee']);
    smtp.failNext = 1;
    const sent = await publishNotify(t, 'application-decided', [gina.id], { cohortName: 'Davao 2', decision: 'accepted' });
    const [email] = await waitFor(() => (smtp.to(gina.email).length ? smtp.to(gina.email) : undefined), { what: 'the retried email', timeoutMs: 45_000 });
    expect(email.subject).toContain('accepted');
    const row = await waitFor(async () => {
      const [found] = await t.dataSource.query(`SELECT status, attempts FROM notification_delivery WHERE event_key = $1 AND channel = 'email'`, [sent.eventKey]);
      return found?.status === 'sent' ? found : undefined;
    }, { what: 'the email delivery marked sent', timeoutMs: 30_000 });
    expect(row).toEqual({ status: 'sent', attempts: 2 });
    expect(smtp.to(gina.email)).toHaveLength(1);
  });

  it('reads and changes preferences; off channels get nothing; bad preferences change nothing', async () => {
    const hana = await createUser(t.api, admin.token, ['trainee']);
    const initial = await t.api.get('/api/v1/me/notification-preferences', hana.token);
    expect(initial.status).toBe(200);
    expect(initial.body.items.find((p: { type: string }) => p.type === 'submission-graded')).toEqual({ type: 'submission-graded', inApp: 'immediate', email: 'immediate' });
    expect(initial.body.items.find((p: { type: string }) => p.type === 'module-unlocked')).toEqual({ type: 'module-unlocked', inApp: 'immediate', email: 'off' });

    const bad = [
      { preferences: [{ type: 'no-such-event', channel: 'email', mode: 'off' }] },
      { preferences: [{ type: 'enrolled', channel: 'sms', mode: 'off' }] },
      { preferences: [{ type: 'enrolled', channel: 'in_app', mode: 'digest' }] },
      { preferences: [{ type: 'enrolled', channel: 'email', mode: 'off' }, { type: 'enrolled', channel: 'email', mode: 'digest' }] },
      { preferences: [] },
      { preferences: [{ type: 'enrolled', channel: 'email', mode: 'off', extra: 1 }] },
    ];
    for (const body of bad) {
      const answer = await t.api.put('/api/v1/me/notification-preferences', body, hana.token);
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.api.get('/api/v1/me/notification-preferences', hana.token)).body).toEqual(initial.body);

    const changed = await t.api.put('/api/v1/me/notification-preferences', { preferences: [
      { type: 'submission-graded', channel: 'email', mode: 'off' },
      { type: 'enrolled', channel: 'in_app', mode: 'off' },
    ] }, hana.token);
    expect(changed.status).toBe(200);
    expect(changed.body.items.find((p: { type: string }) => p.type === 'submission-graded')).toEqual({ type: 'submission-graded', inApp: 'immediate', email: 'off' });
    // Someone else's preferences are untouched.
    expect((await t.api.get('/api/v1/me/notification-preferences', alice.token)).body.items.find((p: { type: string }) => p.type === 'submission-graded').email).toBe('immediate');

    const graded = await publishNotify(t, 'submission-graded', [hana.id, alice.id], { assessmentTitle: 'Prefs' });
    const enrolled = await publishNotify(t, 'enrolled', [hana.id], { cohortName: 'Prefs' });
    await waitForInboxItem(t, hana.token, graded.eventKey);
    await waitFor(async () => (await deliveryRows(t, enrolled.eventKey)).length > 0, { what: 'the enrolled fan-out', timeoutMs: 30_000 });
    expect((await deliveryRows(t, graded.eventKey)).filter((r) => r.recipient_id === hana.id).map((r) => r.channel)).toEqual(['in_app']);
    expect((await deliveryRows(t, enrolled.eventKey)).map((r) => r.channel)).toEqual(['email']);
    expect((await t.api.put('/api/v1/me/notification-preferences', { preferences: [] })).status).toBe(401);
  });

  it('batches digest-mode email into one digest per person', async () => {
    const ivan = await createUser(t.api, admin.token, ['trainee']);
    const put = await t.api.put('/api/v1/me/notification-preferences', { preferences: [
      { type: 'submission-graded', channel: 'email', mode: 'digest' },
      { type: 'deadline-approaching', channel: 'email', mode: 'digest' },
    ] }, ivan.token);
    expect(put.status).toBe(200);
    const a = await publishNotify(t, 'submission-graded', [ivan.id], { assessmentTitle: 'Digest quiz', score: 3, maxScore: 3 });
    const b = await publishNotify(t, 'deadline-approaching', [ivan.id], { assessmentTitle: 'Digest lab', dueAt: '2026-12-01T10:00:00Z' });
    for (const e of [a, b]) {
      await waitForInboxItem(t, ivan.token, e.eventKey);
      expect((await deliveryRows(t, e.eventKey)).find((r) => r.channel === 'email')?.status).toBe('digest_pending');
    }
    expect(smtp.to(ivan.email)).toHaveLength(0);

    await publishInTransaction(t, 'send-email-digests', {});
    const [digest] = await waitFor(() => (smtp.to(ivan.email).length ? smtp.to(ivan.email) : undefined), { what: 'the digest email', timeoutMs: 30_000 });
    expect(digest.subject).toContain('2 notifications');
    expect(digest.text).toContain('Digest quiz');
    expect(digest.text).toContain('Digest lab');
    expect((await deliveryRows(t, a.eventKey)).find((r) => r.channel === 'email')?.status).toBe('digested');

    // A second run finds nothing left to send.
    await publishInTransaction(t, 'send-email-digests', {});
    const c = await publishNotify(t, 'enrolled', [ivan.id], { cohortName: 'After digest' });
    await waitFor(() => smtp.to(ivan.email).length === 2, { what: 'the next immediate email', timeoutMs: 30_000 });
    expect(smtp.to(ivan.email)[1].subject).toContain('After digest');
    await waitForInboxItem(t, ivan.token, c.eventKey);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM email_digest WHERE recipient_id = $1', [ivan.id]);
    expect(n).toBe(1);
  });

  it('skips inactive and unknown recipients', async () => {
    const gone = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/users/${gone.id}/deactivate`, { reason: 'left' }, admin.token)).status).toBe(200);
    const sent = await publishNotify(t, 'cohort-digest', [gone.id, randomUUID(), alice.id], { cohortName: 'Skip', summary: 'A quiet week.' });
    await waitForInboxItem(t, alice.token, sent.eventKey);
    expect((await deliveryRows(t, sent.eventKey)).map((r) => r.recipient_id)).toEqual([alice.id, alice.id]);
  });
});
