import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AppTransactionHost, namedStatement, namedStatementInTransaction, Transactional } from '@gds/database';
import { HandledJob, JobHandler, JobPayloads, NOTIFICATION_TYPES, Outbox, OutboxItem } from '@gds/queue';
import { UserDirectory } from '../identity/identity.module';
import { defaultMode } from './notification-defaults';
import { EmailSender } from './email-sender.service';

/** Recipients per statement: one statement over an unnest() array per chunk keeps a 5,000-person fan-out to one round trip. */
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
    private readonly email: EmailSender,
  ) {}

  @JobHandler('notify')
  async handle(job: HandledJob<'notify'>): Promise<FanOutResult> {
    const result = await this.fanOut(job.data);
    this.logger.log({ msg: 'notified', eventKey: job.data.eventKey, type: job.data.type, ...result.created });
    return result;
  }

  /**
   * Most notices make nothing but in-app deliveries (no email to send now, no webhook subscribed to
   * the type): then the event and its deliveries are one statement on their own, atomic without a
   * transaction, and the BEGIN and COMMIT round trips are saved (issue 23: one notice per grade). The
   * statement writes only when it makes no follow-up; otherwise it writes nothing and the fan-out
   * runs in a transaction with its outbox rows, as always.
   */
  async fanOut(published: JobPayloads['notify']): Promise<FanOutResult> {
    if (!(NOTIFICATION_TYPES as readonly string[]).includes(published.type)) throw new UnrecoverableError(`unknown notification type "${published.type}"`);
    if (!published.eventKey || published.eventKey.length > 300) throw new UnrecoverableError('eventKey must be 1 to 300 characters');
    const event = { ...published, data: await this.withTraineeName(published.data ?? {}) };
    const recipients = await this.users.activeIds(validUuids(event.recipientIds ?? []));
    if (recipients.length <= CHUNK && !this.txHost.isTransactionActive()) {
      const alone = await this.insertChunk(event, recipients, true, true);
      if (alone.written) return { created: { inApp: alone.inApp, email: alone.email, webhooks: 0 } };
    }
    return this.fanOutWithFollowUps(event, recipients);
  }

  @Transactional()
  private async fanOutWithFollowUps(event: JobPayloads['notify'], recipients: string[]): Promise<FanOutResult> {
    const created = { inApp: 0, email: 0, webhooks: 0 };
    const followUps: OutboxItem[] = [];
    // The first chunk (there is one even without recipients) also stores the event and its webhook deliveries.
    for (let at = 0; at === 0 || at < recipients.length; at += CHUNK) {
      const chunk = await this.insertChunk(event, recipients.slice(at, at + CHUNK), at === 0, false);
      created.inApp += chunk.inApp;
      created.email += chunk.email;
      created.webhooks += chunk.webhookIds.length;
      for (const id of chunk.pendingEmailIds) followUps.push({ name: 'deliver-email', payload: { deliveryId: id } });
      for (const id of chunk.webhookIds) followUps.push({ name: 'deliver-webhook', payload: { deliveryId: id, attempt: 1 } });
    }
    await this.outbox.publishAll(followUps);
    return { created };
  }

  /**
   * A notice about a trainee names them (instructors' review queue, at-risk): producers in other
   * modules hold only the id, and names are the identity module's, which this module reads.
   */
  private async withTraineeName(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const traineeId = data.traineeId;
    if (typeof traineeId !== 'string' || !UUID.test(traineeId) || typeof data.traineeName === 'string') return data;
    const trainee = await this.users.findById(traineeId);
    return trainee ? { ...data, traineeName: trainee.displayName } : data;
  }

  /**
   * One statement per chunk of recipients: each recipient crossed with each channel, the person's
   * stated mode (or the type's default) decides whether a row is made and in which state; with the
   * first chunk, the event itself and one delivery per enabled webhook subscribed to the type (per
   * event, not per recipient). Only rows this run created come back, as counts and the ids of
   * emails and webhook posts to make now. Without SMTP an email is recorded as skipped here, rather
   * than by a job per email that could only skip it.
   */
  private async insertChunk(event: JobPayloads['notify'], recipients: string[], first: boolean, onlyWithoutFollowUps: boolean) {
    // `allowed`: with $9, write only when no row would need a job (an email to send now, a webhook post).
    const [row] = await namedStatementInTransaction<Record<string, unknown>>(this.txHost.tx, INSERT_CHUNK,
      [event.eventKey, recipients, defaultMode(event.type, 'in_app'), defaultMode(event.type, 'email'), event.type, this.email.configured, JSON.stringify(event.data ?? {}), first, onlyWithoutFollowUps],
    );
    return { written: row.written as boolean, inApp: row.in_app as number, email: row.email as number, pendingEmailIds: row.pending_email_ids as string[], webhookIds: row.webhook_ids as string[] };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id in a payload names nobody; it must not fail the whole fan-out. */
function validUuids(ids: unknown[]): string[] {
  return ids.filter((id): id is string => typeof id === 'string' && UUID.test(id));
}

/** Fixed texts run by every job of this kind: parsed once per connection (named-statement.ts), in the transaction too. */
const INSERT_CHUNK = namedStatement('notify:insert-chunk', `WITH planned AS (
         SELECT r.id AS recipient_id, c.channel,
                CASE WHEN c.channel = 'in_app' THEN 'delivered'
                     WHEN coalesce(p.mode, c.default_mode) = 'digest' THEN 'digest_pending'
                     WHEN $6 THEN 'pending' ELSE 'skipped' END AS status,
                CASE WHEN c.channel = 'email' AND coalesce(p.mode, c.default_mode) <> 'digest' AND NOT $6 THEN 'email not configured' END AS last_error
           FROM unnest($2::uuid[]) AS r(id)
          CROSS JOIN (VALUES ('in_app', $3::text), ('email', $4::text)) AS c(channel, default_mode)
           LEFT JOIN notification_preference p ON p.user_id = r.id AND p.type = $5 AND p.channel = c.channel
          WHERE coalesce(p.mode, c.default_mode) <> 'off'
       ), allowed AS (
         SELECT NOT $9::boolean OR (NOT EXISTS (SELECT 1 FROM planned WHERE status = 'pending')
                AND NOT EXISTS (SELECT 1 FROM webhook WHERE $8 AND enabled AND $5 = ANY(event_types))) AS ok
       ), event AS (
         INSERT INTO notification_event (event_key, type, data) SELECT $1, $5, $7 WHERE $8 AND (SELECT ok FROM allowed) ON CONFLICT (event_key) DO NOTHING
       ), created AS (
         INSERT INTO notification_delivery (event_key, recipient_id, channel, status, last_error)
         SELECT $1, recipient_id, channel, status, last_error FROM planned WHERE (SELECT ok FROM allowed)
         ON CONFLICT ON CONSTRAINT notification_delivery_once DO NOTHING
         RETURNING id, channel, status
       ), hooks AS (
         INSERT INTO webhook_delivery (webhook_id, event_key, status)
         SELECT id, $1, 'pending' FROM webhook WHERE $8 AND enabled AND $5 = ANY(event_types) AND (SELECT ok FROM allowed)
         ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING
         RETURNING id
       )
       SELECT (SELECT ok FROM allowed) AS written,
              count(*) FILTER (WHERE channel = 'in_app')::int AS in_app,
              count(*) FILTER (WHERE channel = 'email')::int AS email,
              coalesce(array_agg(id) FILTER (WHERE status = 'pending'), '{}') AS pending_email_ids,
              (SELECT coalesce(array_agg(id), '{}') FROM hooks) AS webhook_ids
         FROM created`);
