import { randomUUID } from 'node:crypto';
import { JobPayloads, NotificationType } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { publishAgain, publishInTransaction, TestApp } from './test-app';

/** Publishes a `notify` job through the outbox, as another module would; with `jobId`, as a second job of the same fact (publishAgain). */
export async function publishNotify(
  t: TestApp,
  type: NotificationType,
  recipientIds: string[],
  data: Record<string, unknown> = {},
  options: { eventKey?: string; jobId?: string } = {},
): Promise<JobPayloads['notify']> {
  const payload = { type, eventKey: options.eventKey ?? `test:${type}:${randomUUID()}`, recipientIds, data };
  if (options.jobId) await publishAgain(t, 'notify', payload, options.jobId);
  else await publishInTransaction(t, 'notify', payload);
  return payload;
}

/** Waits until a person's inbox holds an item of this event key, and answers it. */
export async function waitForInboxItem(t: TestApp, token: string, eventKey: string) {
  return waitFor(async () => {
    const page = await t.api.get('/api/v1/me/notifications?limit=100', token);
    return (page.body.items as Array<Record<string, any>>).find((item) => item.eventKey === eventKey);
  }, { what: `an inbox item for ${eventKey}`, timeoutMs: 30_000 });
}

export async function deliveryRows(t: TestApp, eventKey: string) {
  return t.dataSource.query(
    'SELECT recipient_id, channel, status FROM notification_delivery WHERE event_key = $1 ORDER BY recipient_id, channel',
    [eventKey],
  ) as Promise<Array<{ recipient_id: string; channel: string; status: string }>>;
}
