import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { DEFAULT_TIME_ZONE, lastLocalWeekday, localDate } from '@gds/time';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { AT_RISK_SQL } from './at-risk';
import { isoWeek } from './module-states';

/** How long after its local start a week's digest may still go out (the scan runs hourly). */
const DIGEST_SEND_WINDOW_MS = 24 * 60 * 60 * 1000;

type CohortFigures = Record<string, unknown> & { id: string; name: string };

/** The figures of a digest, without the row's own id and name (the notice names them cohortId, cohortName). */
function figuresOf({ id: _id, name: _name, ...figures }: CohortFigures): Record<string, unknown> {
  return figures;
}

/**
 * The hourly `send-weekly-digests` job: each running cohort's figures go to its instructors and to
 * every reviewer, each in their own week: at the first scan at or after WEEKLY_DIGEST_LOCAL_HOUR on
 * WEEKLY_DIGEST_LOCAL_DAY of the recipient's zone (Monday 07:00 in Tokyo is Sunday 22:00 UTC, in
 * Belize Monday 13:00 UTC). A scan that finds a week not yet sent (the worker was down at the hour)
 * sends it late rather than never. One row per cohort, recipient and week, claimed in the same
 * transaction as the notice, makes it once whatever scans overlap or repeat.
 */
@Injectable()
export class CohortWeeklyDigests {
  private readonly logger = new Logger(CohortWeeklyDigests.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly users: UserDirectory,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('send-weekly-digests')
  async handle(_job: HandledJob<'send-weekly-digests'>): Promise<{ sent: number }> {
    const sent = await this.send();
    if (sent > 0) this.logger.log({ msg: 'weekly digests sent', sent });
    return { sent };
  }

  /** Answers how many digests (cohort × recipient) went out. */
  @Transactional()
  async send(now = new Date()): Promise<number> {
    const cohorts = await this.runningCohortFigures();
    if (cohorts.length === 0) return 0;
    const recipients = await this.recipientsByCohort(cohorts.map((c) => c.id));
    const weekOf = await this.weekOfEach([...new Set([...recipients.values()].flat())], now);
    const due = cohorts.flatMap((c) => (recipients.get(c.id) ?? []).filter((recipientId) => weekOf.has(recipientId)).map((recipientId) => ({ cohortId: c.id, recipientId, weekOf: weekOf.get(recipientId)! })));
    const claimed: Array<{ cohort_id: string; recipient_id: string; week_of: string }> = await this.txHost.tx.query(
      `INSERT INTO cohort_digest_sent (cohort_id, recipient_id, week_of)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[])
       ON CONFLICT DO NOTHING
       RETURNING cohort_id, recipient_id, week_of::text`,
      [due.map((d) => d.cohortId), due.map((d) => d.recipientId), due.map((d) => d.weekOf)],
    );
    const byId = new Map(cohorts.map((c) => [c.id, c]));
    await this.outbox.publishMany('notify', claimed.map((row) => {
      const cohort = byId.get(row.cohort_id)!;
      // The week as the recipient counts it: the ISO week of the local date it began.
      const week = isoWeek(new Date(`${row.week_of}T12:00:00Z`));
      return {
        payload: {
          type: 'cohort-digest' as const,
          eventKey: `cohort-digest:${row.cohort_id}:${row.recipient_id}:${row.week_of}`,
          recipientIds: [row.recipient_id],
          data: { ...figuresOf(cohort), cohortId: cohort.id, cohortName: cohort.name, week, weekOf: row.week_of },
        },
      };
    }));
    return claimed.length;
  }

  /**
   * For each recipient whose digest is due, the local date on which their current digest week began
   * (in their zone). Due means within a day of that moment: a digest is a Monday-morning read, so a
   * week begun longer ago (the worker down all day, this code deployed mid-week, a newly assigned
   * instructor, a cohort started on a Thursday) waits for the next week instead of arriving late.
   */
  private async weekOfEach(userIds: string[], now: Date): Promise<Map<string, string>> {
    const zones = new Map((await this.users.findByIds(userIds)).map((p) => [p.id, p.timeZone]));
    const due = new Map<string, string>();
    for (const id of userIds) {
      const zone = zones.get(id) ?? DEFAULT_TIME_ZONE;
      const began = lastLocalWeekday(now, zone, this.config.WEEKLY_DIGEST_LOCAL_DAY, this.config.WEEKLY_DIGEST_LOCAL_HOUR);
      if (now.getTime() - began.getTime() < DIGEST_SEND_WINDOW_MS) due.set(id, localDate(began, zone));
    }
    return due;
  }

  private async runningCohortFigures(): Promise<CohortFigures[]> {
    return this.txHost.tx.query(
      `SELECT c.id, c.name, c.capacity, c.seats_taken AS "seatsTaken",
              count(e.id) FILTER (WHERE e.status = 'active')::int AS active,
              count(e.id) FILTER (WHERE e.status = 'completed')::int AS completed,
              count(e.id) FILTER (WHERE e.status = 'withdrawn')::int AS withdrawn,
              count(e.id) FILTER (WHERE ${AT_RISK_SQL('$1::int')})::int AS "atRisk",
              coalesce(round(avg(e.percent_complete) FILTER (WHERE e.status <> 'withdrawn'), 2), 0)::float AS "averagePercent"
         FROM cohort c LEFT JOIN enrollment e ON e.cohort_id = c.id
        WHERE c.status = 'running' GROUP BY c.id ORDER BY c.id`,
      [this.config.AT_RISK_INACTIVE_DAYS],
    );
  }

  /** The cohort's instructors and every reviewer (active accounts; the notification module skips others). */
  private async recipientsByCohort(cohortIds: string[]): Promise<Map<string, string[]>> {
    const reviewers = await this.users.idsWithRole('reviewer');
    const rows: Array<{ cohort_id: string; user_id: string }> = await this.txHost.tx.query(
      'SELECT cohort_id, user_id FROM cohort_instructor WHERE cohort_id = ANY($1::uuid[])',
      [cohortIds],
    );
    const map = new Map<string, string[]>(cohortIds.map((id) => [id, [...reviewers]]));
    for (const row of rows) if (!map.get(row.cohort_id)!.includes(row.user_id)) map.get(row.cohort_id)!.push(row.user_id);
    return map;
  }
}
