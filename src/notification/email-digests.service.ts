import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { ScheduleRuns } from './schedule-runs.service';

/**
 * The `send-email-digests` schedule: each person's email notifications queued in digest mode are
 * claimed into one digest (rows locked, so two runs never claim the same one) and sent by
 * `deliver-email-digest`.
 */
@Injectable()
export class EmailDigests {
  private readonly logger = new Logger(EmailDigests.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly runs: ScheduleRuns,
  ) {}

  @JobHandler('send-email-digests')
  async run(job: HandledJob<'send-email-digests'>): Promise<{ digests: number; duplicateSlot?: true }> {
    if (!(await this.runs.claim('send-email-digests', job))) return { digests: 0, duplicateSlot: true };
    const recipients: Array<{ recipient_id: string }> = await this.txHost.tx.query(
      `SELECT DISTINCT recipient_id FROM notification_delivery WHERE status = 'digest_pending'`,
    );
    let digests = 0;
    for (const { recipient_id } of recipients) if (await this.claimDigest(recipient_id)) digests++;
    if (digests > 0) this.logger.log({ msg: 'email digests queued', digests });
    return { digests };
  }

  @Transactional()
  async claimDigest(recipientId: string): Promise<string | null> {
    const pending: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT id FROM notification_delivery WHERE recipient_id = $1 AND status = 'digest_pending' FOR UPDATE SKIP LOCKED`,
      [recipientId],
    );
    if (pending.length === 0) return null;
    const [digest] = await this.txHost.tx.query(
      `INSERT INTO email_digest (recipient_id, item_count) VALUES ($1, $2) RETURNING id`,
      [recipientId, pending.length],
    );
    await this.txHost.tx.query(
      `UPDATE notification_delivery SET status = 'digested', digest_id = $1 WHERE id = ANY($2::uuid[])`,
      [digest.id, pending.map((p) => p.id)],
    );
    await this.outbox.publish('deliver-email-digest', { digestId: digest.id });
    return digest.id;
  }
}
