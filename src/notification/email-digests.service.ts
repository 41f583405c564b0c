import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { DEFAULT_TIME_ZONE, lastLocalHour } from '@gds/time';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
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
    private readonly config: AppConfig,
    private readonly users: UserDirectory,
  ) {}

  @JobHandler('send-email-digests')
  async run(job: HandledJob<'send-email-digests'>): Promise<{ digests: number; duplicateSlot?: true }> {
    if (!(await this.runs.claim('send-email-digests', job))) return { digests: 0, duplicateSlot: true };
    const recipients: Array<{ recipient_id: string }> = await this.txHost.tx.query(
      `SELECT DISTINCT recipient_id FROM notification_delivery WHERE status = 'digest_pending'`,
    );
    let digests = 0;
    const now = new Date();
    for (const { recipient_id } of recipients) {
      if (!(await this.dayHasTurned(recipient_id, now))) continue;
      if (await this.claimDigest(recipient_id)) digests++;
    }
    if (digests > 0) this.logger.log({ msg: 'email digests queued', digests });
    return { digests };
  }

  /**
   * With EMAIL_DIGEST_LOCAL_HOUR, whether the person's day (in their zone) has reached that hour
   * since their last digest; without it, always.
   */
  async dayHasTurned(recipientId: string, now: Date): Promise<boolean> {
    const hour = this.config.EMAIL_DIGEST_LOCAL_HOUR;
    if (hour === undefined || hour === null) return true;
    const zone = (await this.users.findById(recipientId))?.timeZone ?? DEFAULT_TIME_ZONE;
    const boundary = lastLocalHour(now, zone, hour);
    const [last] = await this.txHost.tx.query('SELECT max(created_at) AS at FROM email_digest WHERE recipient_id = $1', [recipientId]);
    return !last?.at || new Date(last.at).getTime() < boundary.getTime();
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
