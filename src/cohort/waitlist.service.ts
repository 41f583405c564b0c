import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { Outbox } from '@gds/queue';
import { CourseRef, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { ApplicationAudit } from './application-audit.service';
import { Cohort } from './cohort.entity';
import { ENROLLING_STATUSES } from './cohort-lifecycle';
import { EnrollmentWriter } from './enrollment-writer.service';
import { PrerequisiteChecks } from './prerequisite-checks.service';
import { TrackQuotas } from './track-quotas.service';

/** How many waitlisted applications a promotion reads (and locks) at a time. */
const PROMOTION_PAGE = 10;

/** A waitlisted application as a promotion weighs it. */
interface Candidate {
  id: string;
  traineeId: string;
  courseVersionId: string;
  waitlistRank: number | null;
}

/** Whether two lists name the same courses (in any order). */
const sameCourses = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The waitlist of a cohort: ranks 1..n without gaps or ties (a deferred unique constraint backs it),
 * and when a seat frees up the top of the waitlist takes it, first among those waiting for a course
 * of the same track as the freed seat, and never someone of a track whose seat quota is full.
 */
@Injectable()
export class Waitlist {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly writer: EnrollmentWriter,
    private readonly audit: ApplicationAudit,
    private readonly outbox: Outbox,
    private readonly versions: PublishedCourseVersions,
    private readonly quotas: TrackQuotas,
    private readonly prerequisites: PrerequisiteChecks,
  ) {}

  /**
   * Renumbers the waitlist 1..n in its order. With `placed`, that application goes to `placed.rank`
   * (past the end: last) and the others make room: those from that rank on move down one when it
   * arrives or moves up the list, up one when it moves down. The caller holds the cohort lock.
   */
  async renumber(cohortId: string, placed?: { applicationId: string; rank: number; previousRank: number | null }): Promise<void> {
    // Half a rank before (or after, when moving down) the one it takes: ties cannot arise.
    const key = placed ? (placed.previousRank !== null && placed.previousRank < placed.rank ? placed.rank + 0.5 : placed.rank - 0.5) : null;
    await this.txHost.tx.query(
      `WITH ordered AS (
         SELECT id, row_number() OVER (ORDER BY CASE WHEN id = $2::uuid THEN $3::numeric ELSE waitlist_rank END NULLS LAST, submitted_at, id) AS r
           FROM application WHERE cohort_id = $1 AND status = 'waitlisted'
       )
       UPDATE application a SET waitlist_rank = o.r FROM ordered o WHERE a.id = o.id AND a.waitlist_rank IS DISTINCT FROM o.r`,
      [cohortId, placed?.applicationId ?? null, key],
    );
  }

  /**
   * Promotes the next waitlisted applicant into a free seat: of the freed seat's track first, when
   * the freed course version is known and someone waits for that track. An applicant who has not
   * completed every prerequisite course of their version (as an accept requires) is passed over:
   * they stay waitlisted, and their audit trail says why (`promotion-skipped`, with the course ids,
   * once: not again while their latest entry already says so for the same courses); the seat goes
   * to the next one. The queue is read a page at a time (only that page's rows locked), and the
   * walk stops at the first applicant who qualifies. The caller holds the cohort lock.
   */
  async promoteNext(cohort: Cohort, actorId: string | null, freedCourseVersionId: string | null = null): Promise<string | null> {
    if (!ENROLLING_STATUSES.includes(cohort.status) || cohort.seatsTaken >= cohort.capacity) return null;
    const sameTrack = await this.versionsOfSameTrack(cohort.id, freedCourseVersionId);
    // Applicants of a track whose quota is full wait on: the seat goes to the next one whose track has room.
    const fullTracks = await this.quotas.fullVersionIds(cohort.id);
    let next: Candidate | null = null;
    // The cohort lock keeps the queue still, so paging by offset in queue order sees each applicant once.
    for (let offset = 0; !next; offset += PROMOTION_PAGE) {
      const page: Candidate[] = await this.txHost.tx.query(
        `SELECT a.id, a.trainee_id AS "traineeId", a.course_version_id AS "courseVersionId", a.waitlist_rank AS "waitlistRank" FROM application a
          WHERE a.cohort_id = $1 AND a.status = 'waitlisted' AND NOT (a.course_version_id = ANY($3::uuid[]))
            AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.cohort_id = a.cohort_id AND e.trainee_id = a.trainee_id AND e.status <> 'withdrawn')
          ORDER BY (a.course_version_id = ANY($2::uuid[])) DESC, a.waitlist_rank ASC NULLS LAST, a.submitted_at ASC, a.id
          LIMIT $4 OFFSET $5
          FOR UPDATE OF a`,
        [cohort.id, sameTrack, fullTracks, PROMOTION_PAGE, offset],
      );
      if (!page.length) break;
      const missing = await this.prerequisites.missingMany(page);
      const firstReady = missing.findIndex((m) => m.length === 0);
      const passedOver = page.slice(0, firstReady === -1 ? page.length : firstReady).map((candidate, i) => ({ candidate, missing: missing[i] }));
      await this.recordPassedOver(passedOver, actorId);
      if (firstReady !== -1) next = page[firstReady];
      if (page.length < PROMOTION_PAGE) break;
    }
    if (!next) return null;
    const enrollment = await this.writer.enroll(cohort, { cohortId: cohort.id, traineeId: next.traineeId, courseVersionId: next.courseVersionId, source: 'waitlist', applicationId: next.id });
    await this.txHost.tx.query(`UPDATE application SET status = 'accepted', waitlist_rank = NULL, decided_at = now(), updated_at = now() WHERE id = $1`, [next.id]);
    await this.renumber(cohort.id);
    await this.audit.record({ applicationId: next.id, actorId, action: 'promote', fromStatus: 'waitlisted', toStatus: 'accepted', reason: 'A seat became free.' });
    await this.outbox.publish('notify', {
      type: 'promoted-from-waitlist',
      eventKey: `promoted:${next.id}`,
      recipientIds: [next.traineeId],
      data: { applicationId: next.id, enrollmentId: enrollment.id, cohortId: cohort.id, cohortName: cohort.name },
    });
    return enrollment.id;
  }

  /**
   * A `promotion-skipped` entry for each applicant passed over, unless their latest entry already is
   * one for the same missing courses: a later round that passes them over again adds nothing new.
   */
  private async recordPassedOver(passedOver: Array<{ candidate: Candidate; missing: CourseRef[] }>, actorId: string | null): Promise<void> {
    if (!passedOver.length) return;
    const latest: Array<{ applicationId: string; action: string; missing: string[] | null }> = await this.txHost.tx.query(
      `SELECT DISTINCT ON (application_id) application_id AS "applicationId", action, prerequisites_missing::text[] AS missing FROM application_decision
        WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, created_at DESC, id DESC`,
      [passedOver.map((p) => p.candidate.id)],
    );
    const latestOf = new Map(latest.map((l) => [l.applicationId, l]));
    for (const { candidate, missing } of passedOver) {
      // The courses as ids (the web app names them in the reader's language), in the order published.
      const courseIds = missing.map((c) => c.courseId);
      const last = latestOf.get(candidate.id);
      if (last?.action === 'promotion-skipped' && sameCourses(last.missing ?? [], courseIds)) continue;
      await this.audit.record({
        applicationId: candidate.id, actorId, action: 'promotion-skipped', fromStatus: 'waitlisted', toStatus: 'waitlisted', waitlistRank: candidate.waitlistRank, reason: null, prerequisitesMissing: courseIds,
      });
    }
  }

  /** The cohort's course versions in the track of the freed one (none when it is unknown). */
  private async versionsOfSameTrack(cohortId: string, freedCourseVersionId: string | null): Promise<string[]> {
    if (!freedCourseVersionId) return [];
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
    const outlines = await this.versions.getOutlines(rows.map((r) => r.id));
    const track = outlines.find((o) => o.versionId === freedCourseVersionId)?.trackCode;
    return track ? outlines.filter((o) => o.trackCode === track).map((o) => o.versionId) : [];
  }
}
