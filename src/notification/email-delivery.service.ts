import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { HandledJob, JobHandler, jobPolicy } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { EmailSender } from './email-sender.service';
import { EmailContent, digestEmail, notificationEmail, Reader } from './notification-templates';

type Outcome = 'sent' | 'skipped' | 'nothing-to-do';

/**
 * Sends the email of one notification (`deliver-email`) or one digest (`deliver-email-digest`).
 * Each acts only while its row is still pending, so a repeated job sends nothing twice; a failure
 * is retried by the queue with exponential backoff and recorded as failed after the last attempt.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger(EmailDelivery.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly sender: EmailSender,
    private readonly users: UserDirectory,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('deliver-email')
  async deliverOne(job: HandledJob<'deliver-email'>): Promise<Outcome> {
    const [row] = await this.txHost.tx.query(
      `SELECT d.id, d.status, d.recipient_id, e.type, e.data FROM notification_delivery d
         JOIN notification_event e ON e.event_key = d.event_key WHERE d.id = $1 AND d.channel = 'email'`,
      [job.data.deliveryId],
    );
    if (!row || row.status !== 'pending') return 'nothing-to-do';
    const content = (reader: Reader) => notificationEmail(row.type, row.data, this.config.PUBLIC_BASE_URL, reader.language, reader.timeZone);
    return this.send(job, 'notification_delivery', row.id, row.recipient_id, content);
  }

  @JobHandler('deliver-email-digest')
  async deliverDigest(job: HandledJob<'deliver-email-digest'>): Promise<Outcome> {
    const [digest] = await this.txHost.tx.query('SELECT id, status, recipient_id FROM email_digest WHERE id = $1', [job.data.digestId]);
    if (!digest || digest.status !== 'pending') return 'nothing-to-do';
    const items = await this.txHost.tx.query(
      `SELECT e.type, e.data FROM notification_delivery d JOIN notification_event e ON e.event_key = d.event_key
        WHERE d.digest_id = $1 ORDER BY d.created_at, d.id`,
      [digest.id],
    );
    return this.send(job, 'email_digest', digest.id, digest.recipient_id, (reader) => digestEmail(items, this.config.PUBLIC_BASE_URL, reader.language, reader.timeZone));
  }

  private warnedUnconfigured = false;

  /** `content` is written in the recipient's language and time zone, read with the recipient. */
  private async send(job: HandledJob<'deliver-email' | 'deliver-email-digest'>, table: 'notification_delivery' | 'email_digest', id: string, recipientId: string, content: (reader: Reader) => EmailContent): Promise<Outcome> {
    const person = await this.users.findById(recipientId);
    if (!person || !person.active) return this.finish(table, id, 'skipped', 'recipient is inactive');
    if (!this.sender.configured) {
      // Once per process: every delivery row already records why it was skipped.
      if (!this.warnedUnconfigured) this.logger.warn({ msg: 'email not configured (SMTP_URL unset); deliveries are recorded as skipped', table, id });
      this.warnedUnconfigured = true;
      return this.finish(table, id, 'skipped', 'email not configured');
    }
    try {
      await this.sender.send(person.email, content({ language: person.language, timeZone: person.timeZone }));
    } catch (error) {
      const final = job.attemptsMade + 1 >= (jobPolicy(job.name)?.attempts ?? 1);
      await this.txHost.tx.query(
        `UPDATE ${table} SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1`,
        [id, (error as Error).message.slice(0, 500), final],
      );
      throw error;
    }
    return this.finish(table, id, 'sent', null);
  }

  private async finish(table: string, id: string, status: 'sent' | 'skipped', reason: string | null): Promise<Outcome> {
    await this.txHost.tx.query(
      `UPDATE ${table} SET status = $2, attempts = attempts + 1, last_error = $3, sent_at = CASE WHEN $2 = 'sent' THEN now() END
        WHERE id = $1 AND status = 'pending'`,
      [id, status, reason],
    );
    return status;
  }
}
