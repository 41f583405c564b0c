import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, JobPayloads, NOTIFICATION_TYPES, Outbox } from '@gds/queue';
import { UserDirectory } from '../identity/user-directory.service';
import { NotificationPreferences } from './notification-preferences.service';
import type { Channel, DeliveryStatus } from './notification-delivery.entity';

/** Rows per INSERT: one statement of unnest() arrays per chunk keeps 5,000 recipients to a few round trips. */
const CHUNK = 5_000;

export interface FanOutResult {
  created: { inApp: number; email: number; webhooks: number };
}

/**
 * The `notify` handler: one delivery per (event, recipient, channel) that the recipient's
 * preferences enable, and one per matching webhook. The unique keys make a repeated job a no-op;
 * only rows created by this run get follow-up work (email, webhook posts) through the outbox.
 */
@Injectable()
export class NotificationFanout {
  private readonly logger = new Logger(NotificationFanout.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly users: UserDirectory,
    private readonly preferences: NotificationPreferences,
  ) {}

  @JobHandler('notify')
  async handle(job: HandledJob<'notify'>): Promise<FanOutResult> {
    const result = await this.fanOut(job.data);
    this.logger.log({ msg: 'notified', eventKey: job.data.eventKey, type: job.data.type, ...result.created });
    return result;
  }

  @Transactional()
  async fanOut(event: JobPayloads['notify']): Promise<FanOutResult> {
    if (!(NOTIFICATION_TYPES as readonly string[]).includes(event.type)) throw new UnrecoverableError(`unknown notification type "${event.type}"`);
    if (!event.eventKey || event.eventKey.length > 300) throw new UnrecoverableError('eventKey must be 1 to 300 characters');
    await this.txHost.tx.query(
      'INSERT INTO notification_event (event_key, type, data) VALUES ($1, $2, $3) ON CONFLICT (event_key) DO NOTHING',
      [event.eventKey, event.type, JSON.stringify(event.data ?? {})],
    );
    const people = await this.users.findByIds(event.recipientIds ?? []);
    const recipients = people.filter((p) => p.active).map((p) => p.id);
    const modeOf = await this.preferences.modesFor(recipients, event.type);
    const rows: Array<{ recipientId: string; channel: Channel; status: DeliveryStatus }> = [];
    for (const recipientId of recipients) {
      if (modeOf(recipientId, 'in_app') !== 'off') rows.push({ recipientId, channel: 'in_app', status: 'delivered' });
      const email = modeOf(recipientId, 'email');
      if (email !== 'off') rows.push({ recipientId, channel: 'email', status: email === 'digest' ? 'digest_pending' : 'pending' });
    }
    const created = await this.insertDeliveries(event.eventKey, rows);
    const emails = created.filter((row) => row.status === 'pending');
    await this.outbox.publishMany('deliver-email', emails.map((row) => ({ payload: { deliveryId: row.id }, jobId: `email:${row.id}` })));
    const webhooks = await this.createWebhookDeliveries(event.eventKey, event.type);
    return { created: { inApp: created.filter((r) => r.channel === 'in_app').length, email: created.length - created.filter((r) => r.channel === 'in_app').length, webhooks } };
  }

  private async insertDeliveries(eventKey: string, rows: Array<{ recipientId: string; channel: Channel; status: DeliveryStatus }>) {
    const created: Array<{ id: string; channel: Channel; status: DeliveryStatus }> = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const inserted = await this.txHost.tx.query(
        `INSERT INTO notification_delivery (event_key, recipient_id, channel, status)
         SELECT $1, r, c, s FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(r, c, s)
         ON CONFLICT ON CONSTRAINT notification_delivery_once DO NOTHING
         RETURNING id, channel, status`,
        [eventKey, chunk.map((r) => r.recipientId), chunk.map((r) => r.channel), chunk.map((r) => r.status)],
      );
      created.push(...inserted);
    }
    return created;
  }

  /** One delivery per enabled webhook subscribed to the type — per event, not per recipient. */
  private async createWebhookDeliveries(eventKey: string, type: string): Promise<number> {
    const inserted: Array<{ id: string }> = await this.txHost.tx.query(
      `INSERT INTO webhook_delivery (webhook_id, event_key, status)
       SELECT id, $1, 'pending' FROM webhook WHERE enabled AND $2 = ANY(event_types)
       ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING
       RETURNING id`,
      [eventKey, type],
    );
    await this.outbox.publishMany('deliver-webhook', inserted.map((row) => ({ payload: { deliveryId: row.id }, jobId: `webhook:${row.id}:1` })));
    return inserted.length;
  }
}
