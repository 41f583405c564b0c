import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, Principal, unprocessable } from '@gds/http';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Cohort } from './cohort.entity';
import { CohortAccess } from './cohort-access.service';
import { TrackCode, TRACK_CODES } from './dto/application.dto';
import { TrackQuotasDto, TrackQuotasView } from './dto/selection.dto';
import { EnrollmentWriter } from './enrollment-writer.service';

interface TrackUse {
  trackCode: TrackCode;
  versionIds: string[];
  seats: number | null;
  taken: number;
}

/**
 * Seats of a cohort reserved per track ("20 seats of cybersecurity, 10 of UI/UX"): their sum stays
 * within the capacity, and accepts and waitlist promotions take a seat of a track only while its
 * quota has room. A track without a quota takes any free seat. Every check runs under the cohort
 * lock the enrollment writes take first, so concurrent accepts cannot overfill a track.
 */
@Injectable()
export class TrackQuotas {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly writer: EnrollmentWriter,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async view(principal: Principal, cohortId: string): Promise<TrackQuotasView> {
    const cohort = await this.access.requireStaff(principal, cohortId);
    return this.toView(cohort, await this.usage(cohort.id));
  }

  @Transactional()
  async replace(cohortId: string, input: TrackQuotasDto): Promise<TrackQuotasView> {
    const cohort = await this.writer.lockCohort(cohortId);
    const tracks = await this.usage(cohort.id);
    const seen = new Set<string>();
    for (const quota of input.quotas) {
      if (seen.has(quota.trackCode)) throw unprocessable('duplicate-track', `The ${quota.trackCode} track has two quotas.`);
      seen.add(quota.trackCode);
      const track = tracks.find((t) => t.trackCode === quota.trackCode);
      if (!track) throw unprocessable('unknown-track', `This cohort runs no ${quota.trackCode} course.`, { trackCodes: tracks.map((t) => t.trackCode) });
      if (quota.seats < track.taken) {
        throw unprocessable('quota-below-enrolled', `The ${quota.trackCode} track already has ${track.taken} enrolled trainees.`, { trackCode: quota.trackCode, taken: track.taken });
      }
    }
    const sum = input.quotas.reduce((total, q) => total + q.seats, 0);
    if (sum > cohort.capacity) throw unprocessable('quota-over-capacity', `The quotas add up to ${sum} seats, more than the cohort's capacity of ${cohort.capacity}.`, { capacity: cohort.capacity, quotaSum: sum });
    await this.txHost.tx.query('DELETE FROM cohort_track_quota WHERE cohort_id = $1', [cohort.id]);
    for (const quota of input.quotas) {
      await this.txHost.tx.query('INSERT INTO cohort_track_quota (cohort_id, track_code, seats) VALUES ($1, $2, $3)', [cohort.id, quota.trackCode, quota.seats]);
    }
    return this.toView(cohort, await this.usage(cohort.id));
  }

  /** 409 when the track of this course version has no seat left in its quota. The caller holds the cohort lock. */
  async requireRoom(cohort: Cohort, courseVersionId: string): Promise<void> {
    const track = (await this.usage(cohort.id)).find((t) => t.versionIds.includes(courseVersionId));
    if (track && track.seats !== null && track.taken >= track.seats) {
      throw conflict('track-quota-full', `All ${track.seats} seats of the ${track.trackCode} track are taken.`, { trackCode: track.trackCode, seats: track.seats });
    }
  }

  /** Course versions whose track has no seat left in its quota. The caller holds the cohort lock. */
  async fullVersionIds(cohortId: string): Promise<string[]> {
    return (await this.usage(cohortId)).filter((t) => t.seats !== null && t.taken >= t.seats).flatMap((t) => t.versionIds);
  }

  /** The track of each of the cohort's course versions. */
  async trackOfVersions(cohortId: string): Promise<Map<string, TrackCode>> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
    const outlines = await this.versions.getOutlines(rows.map((r) => r.id));
    return new Map(outlines.map((o) => [o.versionId, o.trackCode]));
  }

  private async usage(cohortId: string): Promise<TrackUse[]> {
    const trackOf = await this.trackOfVersions(cohortId);
    const quotas: Array<{ track_code: string; seats: number }> = await this.txHost.tx.query('SELECT track_code, seats FROM cohort_track_quota WHERE cohort_id = $1', [cohortId]);
    const taken: Array<{ course_version_id: string; n: number }> = await this.txHost.tx.query(
      `SELECT course_version_id, count(*)::int AS n FROM enrollment WHERE cohort_id = $1 AND status <> 'withdrawn' GROUP BY course_version_id`,
      [cohortId],
    );
    const codes = TRACK_CODES.filter((code) => [...trackOf.values()].includes(code));
    return codes.map((trackCode) => {
      const versionIds = [...trackOf].filter(([, code]) => code === trackCode).map(([id]) => id);
      return {
        trackCode,
        versionIds,
        seats: quotas.find((q) => q.track_code === trackCode)?.seats ?? null,
        taken: taken.filter((t) => versionIds.includes(t.course_version_id)).reduce((sum, t) => sum + t.n, 0),
      };
    });
  }

  private toView(cohort: Cohort, tracks: TrackUse[]): TrackQuotasView {
    return {
      cohortId: cohort.id,
      capacity: cohort.capacity,
      seatsTaken: cohort.seatsTaken,
      tracks: tracks.map((t) => ({ trackCode: t.trackCode, seats: t.seats, taken: t.taken })),
    };
  }
}
