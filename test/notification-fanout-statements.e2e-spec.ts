import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { countStatementsOnApiApp } from './support/statement-counting-app';
import { createUser, loginAdmin } from './support/people';
import { deliveryRows } from './support/notification-builders';
import { NotificationFanout } from '../src/notification/notification-fanout.service';

/**
 * Round trips of a notice (issue 23, quiz-grading: one per grade). A notice that makes only in-app
 * deliveries is one statement after the recipients' read, with no transaction around it; one that
 * makes follow-up work (here a webhook post) still writes its rows and their outbox jobs together.
 * No SMTP in this app, so emails are recorded as skipped and never need a job.
 */
describe('notification fan-out: statements per notice', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  countStatementsOnApiApp(counter, (app) => (t = app));

  function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    return counter.during(() => t.get<ClsService>(ClsService).run(work));
  }

  it('stores an in-app-only notice in two statements, no transaction; a repeat adds nothing', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const fanout = t.get<NotificationFanout>(NotificationFanout);
    const eventKey = `graded:${randomUUID()}`;
    const notice = { type: 'submission-graded' as const, eventKey, recipientIds: [erin.id], data: { assessmentTitle: 'Quiz', score: 4, maxScore: 5 } };
    const first = await counted(() => fanout.fanOut(notice));
    expect(first.result.created).toEqual({ inApp: 1, email: expect.any(Number), webhooks: 0 });
    expect(first.statements).toHaveLength(2);
    expect(first.statements.some((s) => /START TRANSACTION|BEGIN/i.test(s))).toBe(false);
    expect((await deliveryRows(t, eventKey)).find((r: { channel: string }) => r.channel === 'in_app')).toMatchObject({ recipient_id: erin.id, status: 'delivered' });
    const again = await counted(() => fanout.fanOut(notice));
    expect(again.result.created).toEqual({ inApp: 0, email: 0, webhooks: 0 });
  });

  it('writes a notice with a webhook subscribed in one transaction with the webhook job', async () => {
    const admin = await loginAdmin(t.api);
    const erin = await createUser(t.api, admin.token, ['trainee']);
    const [hook] = await t.dataSource.query(
      `INSERT INTO webhook (url, event_types, secret_ciphertext) VALUES ('https://hooks.example/gds', '{module-unlocked}', 'x') RETURNING id`,
    );
    try {
      const eventKey = `module-unlocked:${randomUUID()}`;
      const fanout = t.get<NotificationFanout>(NotificationFanout);
      const { result, statements } = await counted(() => fanout.fanOut({ type: 'module-unlocked', eventKey, recipientIds: [erin.id], data: {} }));
      expect(result.created).toMatchObject({ inApp: 1, webhooks: 1 });
      expect(statements.some((s) => /START TRANSACTION|BEGIN/i.test(s))).toBe(true);
      const [delivery] = await t.dataSource.query('SELECT id FROM webhook_delivery WHERE webhook_id = $1 AND event_key = $2', [hook.id, eventKey]);
      const outboxed = await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE job_name = 'deliver-webhook' AND payload->>'deliveryId' = $1`, [delivery.id]);
      expect(outboxed).toHaveLength(1);
    } finally {
      await t.dataSource.query('UPDATE webhook SET enabled = false WHERE id = $1', [hook.id]);
    }
  });
});
