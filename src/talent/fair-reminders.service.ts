import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';

/** How long before a meeting its reminder goes out. */
export const FAIR_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * The scheduled reminder of fair meetings (`scan-fair-reminders`, every 15 minutes): each booking
 * starting within a day is claimed once (reminded_at) and both sides are told through `notify`.
 */
@Injectable()
export class FairReminders {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly organisations: OrganisationDirectory,
  ) {}

  @JobHandler('scan-fair-reminders')
  async handle(_job: HandledJob<'scan-fair-reminders'>): Promise<void> {
    await this.scan();
  }

  /** Answers how many bookings were reminded. */
  @Transactional()
  async scan(now = new Date()): Promise<number> {
    const claimed: Array<{ id: string; trainee_id: string; fair_name: string; organisation_id: string; created_by: string; starts_at: Date; fair_id: string }> = (
      await this.txHost.tx.query(
        `UPDATE fair_booking b SET reminded_at = now()
           FROM fair_slot s JOIN career_fair f ON f.id = s.fair_id
          WHERE s.id = b.slot_id AND b.reminded_at IS NULL AND lower(b.during) > $1 AND lower(b.during) <= $2
        RETURNING b.id, b.trainee_id, f.name AS fair_name, f.id AS fair_id, s.organisation_id, s.created_by, s.starts_at`,
        [now, new Date(now.getTime() + FAIR_REMINDER_LEAD_MS)],
      )
    )[0];
    const names = new Map((await this.organisations.findByIds(claimed.map((c) => c.organisation_id))).map((o) => [o.id, o.name]));
    await this.outbox.publishMany('notify', claimed.map((row) => {
      const eventKey = `fair-reminder:${row.id}`;
      return {
        payload: {
          type: 'fair-meeting-reminder' as const,
          eventKey,
          recipientIds: [row.trainee_id, row.created_by],
          data: { bookingId: row.id, fairId: row.fair_id, fairName: row.fair_name, organisationName: names.get(row.organisation_id) ?? '', startsAt: new Date(row.starts_at).toISOString() },
        },
      };
    }));
    return claimed.length;
  }
}
