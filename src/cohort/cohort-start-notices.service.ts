import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { localDate } from '@gds/time';

/** Cohorts whose start lies within this of now, either way, are looked at: more than any zone's distance from UTC. */
const SEARCH_HOURS = 40;

/**
 * The hourly `scan-cohort-starts` job: on a cohort's start day, counted in the cohort's zone, each
 * trainee actively enrolled before the start is told "your course starts today", once (the cohort's
 * `start_notice_sent_at`, claimed in the same transaction as the notices). A cohort started or
 * created after its start day passed is not announced late to those already enrolled.
 * A trainee who joins once the cohort has started, or once its notice has gone out (accepted,
 * promoted from the waitlist, enrolled or imported), is welcomed on their own at enrolment
 * (`welcomeLateJoiner`) whether or not the cohort-wide notice was ever sent (no scan ran on the start
 * day, or the cohort was created after it): the scan leaves them out, and both use the same event
 * key, so each enrollment hears it once.
 */
@Injectable()
export class CohortStartNotices {
  private readonly logger = new Logger(CohortStartNotices.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
  ) {}

  @JobHandler('scan-cohort-starts')
  async handle(_job: HandledJob<'scan-cohort-starts'>): Promise<{ cohorts: number; notified: number }> {
    const result = await this.scan();
    if (result.cohorts > 0) this.logger.log({ msg: 'start-day notices sent', ...result });
    return result;
  }

  @Transactional()
  async scan(now = new Date()): Promise<{ cohorts: number; notified: number }> {
    const candidates: Array<{ id: string; name: string; starts_at: Date; time_zone: string }> = await this.txHost.tx.query(
      `SELECT id, name, starts_at, time_zone FROM cohort
        WHERE status IN ('accepting_applications', 'running') AND start_notice_sent_at IS NULL
          AND starts_at BETWEEN $1::timestamptz - make_interval(hours => $2) AND $1::timestamptz + make_interval(hours => $2)
        ORDER BY id FOR UPDATE SKIP LOCKED`,
      [now, SEARCH_HOURS],
    );
    const today = candidates.filter((c) => localDate(c.starts_at, c.time_zone) === localDate(now, c.time_zone));
    let notified = 0;
    for (const cohort of today) {
      await this.txHost.tx.query('UPDATE cohort SET start_notice_sent_at = $2 WHERE id = $1', [cohort.id, now]);
      // Who enrolled at or after the start was welcomed at enrolment (welcomeLateJoiner).
      const enrollments: Array<{ id: string; trainee_id: string }> = await this.txHost.tx.query(
        `SELECT id, trainee_id FROM enrollment WHERE cohort_id = $1 AND status = 'active' AND enrolled_at < $2 ORDER BY id`,
        [cohort.id, cohort.starts_at],
      );
      // One notice per enrollment: its link opens that trainee's own course.
      await this.outbox.publishMany('notify', enrollments.map((e) => ({ payload: startNotice(cohort, e.id, e.trainee_id, false) })));
      notified += enrollments.length;
    }
    return { cohorts: today.length, notified };
  }

  /**
   * Called by the enrollment writer inside its transaction, holding the cohort lock (so the scan,
   * which claims the cohort FOR UPDATE, has either committed its claim or not begun). Answers
   * whether the trainee was welcomed: when they enrolled at or after the cohort's start (the scan
   * leaves such enrollments out, so this is their only notice, sent or not the cohort-wide one), or
   * after the cohort's start notice went out.
   */
  async welcomeLateJoiner(cohort: { id: string; name: string; startsAt: Date }, enrollment: { id: string; enrolledAt: Date }, traineeId: string): Promise<boolean> {
    const [row]: Array<{ sent: boolean }> = await this.txHost.tx.query('SELECT start_notice_sent_at IS NOT NULL AS sent FROM cohort WHERE id = $1', [cohort.id]);
    const started = enrollment.enrolledAt.getTime() >= cohort.startsAt.getTime();
    if (!started && !row?.sent) return false;
    // Joined after the notice but before the start (on the start day): "starts today" is still true.
    await this.outbox.publish('notify', startNotice({ id: cohort.id, name: cohort.name, starts_at: cohort.startsAt }, enrollment.id, traineeId, started));
    return true;
  }
}

/** `joinedLate`: the course began before this trainee joined; the notice welcomes rather than says "today". */
function startNotice(cohort: { id: string; name: string; starts_at: Date }, enrollmentId: string, traineeId: string, joinedLate: boolean) {
  return {
    type: 'cohort-starts-today' as const,
    // The start in the key: a start moved to a later day (which clears the cohort's claim) is told
    // again, once; the scan and the welcome of one start share the key, so each enrollment hears it once.
    eventKey: `cohort-starts-today:${enrollmentId}:${cohort.starts_at.getTime()}`,
    recipientIds: [traineeId],
    data: { cohortId: cohort.id, cohortName: cohort.name, enrollmentId, startsAt: cohort.starts_at.toISOString(), ...(joinedLate ? { joinedLate: true } : {}) },
  };
}
