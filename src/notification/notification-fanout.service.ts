import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, JobPayloads, NOTIFICATION_TYPES, NotificationType, Outbox } from '@gds/queue';
import { UserDirectory } from '../identity/user-directory.service';
import { defaultMode } from './notification-defaults';

/** Recipients per INSERT: one statement over an unnest() array per chunk keeps a 5,000-person fan-out to one round trip. */
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
    const recipients = await this.users.activeIds(validUuids(event.recipientIds ?? []));
    const created = { inApp: 0, email: 0 };
    for (let at = 0; at < recipients.length; at += CHUNK) {
      const chunk = await this.insertDeliveries(event.eventKey, event.type, recipients.slice(at, at + CHUNK));
      created.inApp += chunk.inApp;
      created.email += chunk.email;
      await this.outbox.publishMany('deliver-email', chunk.pendingEmailIds.map((id) => ({ payload: { deliveryId: id }, jobId: `email:${id}` })));
    }
    const webhooks = await this.createWebhookDeliveries(event.eventKey, event.type);
    return { created: { ...created, webhooks } };
  }

  /**
   * One statement per chunk: each recipient crossed with each channel, the person's stated mode
   * (or the type's default) decides whether a row is made and in which state. Only rows this run
   * created come back, as counts and the ids of emails to send now.
   */
  private async insertDeliveries(eventKey: string, type: NotificationType, recipients: string[]) {
    const [row] = await this.txHost.tx.query(
      `WITH created AS (
         INSERT INTO notification_delivery (event_key, recipient_id, channel, status)
         SELECT $1, r.id, c.channel,
                CASE WHEN c.channel = 'in_app' THEN 'delivered'
                     WHEN coalesce(p.mode, c.default_mode) = 'digest' THEN 'digest_pending' ELSE 'pending' END
           FROM unnest($2::uuid[]) AS r(id)
          CROSS JOIN (VALUES ('in_app', $3::text), ('email', $4::text)) AS c(channel, default_mode)
           LEFT JOIN notification_preference p ON p.user_id = r.id AND p.type = $5 AND p.channel = c.channel
          WHERE coalesce(p.mode, c.default_mode) <> 'off'
         ON CONFLICT ON CONSTRAINT notification_delivery_once DO NOTHING
         RETURNING id, channel, status)
       SELECT count(*) FILTER (WHERE channel = 'in_app')::int AS in_app,
              count(*) FILTER (WHERE channel = 'email')::int AS email,
              coalesce(array_agg(id) FILTER (WHERE status = 'pending'), '{}') AS pending_email_ids
         FROM created`,
      [eventKey, recipients, defaultMode(type, 'in_app'), defaultMode(type, 'email'), type],
    );
    return { inApp: row.in_app as number, email: row.email as number, pendingEmailIds: row.pending_email_ids as string[] };
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id in a payload names nobody; it must not fail the whole fan-out. */
function validUuids(ids: unknown[]): string[] {
  return ids.filter((id): id is string => typeof id === 'string' && UUID.test(id));
}
