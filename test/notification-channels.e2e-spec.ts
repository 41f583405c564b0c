import { NOTIFICATION_TYPES } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { WebhookReceiver } from './support/webhook-receiver';
import { publishNotify, waitForInboxItem } from './support/notification-builders';
import { verifySignature } from '../src/notification/webhook-signature';

/**
 * Every event type of the catalog reaches every channel: the in-app inbox, an email read back from
 * a real SMTP server, and a signed webhook checked by a receiver on loopback. (The events' real
 * sources — decisions, grades, certificates... — are exercised in test/programme-journey.)
 */
describe('notifications: every event through every channel', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let receiver: WebhookReceiver;
  let trainee: TestPerson;
  let secret: string;

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    const admin = await loginAdmin(t.api);
    trainee = await createUser(t.api, admin.token, ['trainee']);
    const hook = await t.api.post('/api/v1/webhooks', { url: receiver.url('/all'), eventTypes: [...NOTIFICATION_TYPES] }, admin.token);
    expect(hook.status).toBe(201);
    secret = hook.body.secret;
    // Some types are in-app only by default; this person asks for email of every type.
    const preferences = NOTIFICATION_TYPES.map((type) => ({ type, channel: 'email', mode: 'immediate' }));
    expect((await t.api.put('/api/v1/me/notification-preferences', { preferences }, trainee.token)).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  it.each([...NOTIFICATION_TYPES])('%s reaches the inbox, the mailbox and the webhook', async (type) => {
    const mailsBefore = smtp.to(trainee.email).length;
    const event = await publishNotify(t, type, [trainee.id], { courseTitle: 'Data Analysis', cohortName: 'Pilot', assessmentTitle: 'Quiz 1', moduleTitle: 'Module 1' });
    const item = await waitForInboxItem(t, trainee.token, event.eventKey);
    expect(item.type).toBe(type);
    const post = await waitFor(() => receiver.on('/all').find((p) => JSON.parse(p.body).eventKey === event.eventKey), { what: `the ${type} webhook`, timeoutMs: 30_000 });
    expect(verifySignature(secret, String(post.headers['x-gds-signature']), post.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(JSON.parse(post.body)).toMatchObject({ type, eventKey: event.eventKey });
    await waitFor(async () => {
      const [row] = await t.dataSource.query(`SELECT status FROM notification_delivery WHERE event_key = $1 AND channel = 'email'`, [event.eventKey]);
      return row?.status === 'sent';
    }, { what: `the ${type} email to be sent`, timeoutMs: 30_000 });
    // Exactly one more email arrived at the SMTP server for this person: this event's.
    await waitFor(() => smtp.to(trainee.email).length === mailsBefore + 1, { what: `the ${type} email at the SMTP server`, timeoutMs: 10_000 });
    const mail = smtp.to(trainee.email).at(-1)!;
    expect(mail.subject.length).toBeGreaterThan(0);
    expect(mail.text.length).toBeGreaterThan(0);
  });
});
