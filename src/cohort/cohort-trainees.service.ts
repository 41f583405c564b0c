import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { UserDirectory } from '../identity/identity.module';
import { CohortTrainees, NamedEnrollment, NamedEnrollmentCursor } from './cohort-trainees.contract';
import { EnrollmentStatus } from './enrollment.entity';

interface Row {
  id: string;
  trainee_id: string;
  course_version_id: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
}

/** The cohort module's answer to CohortTrainees: one keyset query plus one name lookup per page. */
@Injectable()
export class CohortTraineesService extends CohortTrainees {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly users: UserDirectory,
  ) {
    super();
  }

  async courseVersionsOf(cohortId: string): Promise<string[]> {
    const rows: Array<{ course_version_id: string }> = await this.txHost.tx.query(
      'SELECT course_version_id FROM cohort_course_version WHERE cohort_id = $1 ORDER BY course_version_id',
      [cohortId],
    );
    return rows.map((r) => r.course_version_id);
  }

  async page(cohortId: string, courseVersionId: string, after: NamedEnrollmentCursor | null, limit: number): Promise<NamedEnrollment[]> {
    // Milliseconds, as a cursor carries the time as an ISO string: a microsecond time would not round-trip.
    // Truncated in UTC (the same instant as in any zone, to the millisecond) so that the expression is
    // immutable and `enrollment_gradebook_idx` serves the keyset.
    const rows: Row[] = await this.txHost.tx.query(
      `SELECT id, trainee_id, course_version_id, status, enrolled_at FROM enrollment
        WHERE cohort_id = $1 AND course_version_id = $2
          AND ($3::timestamptz IS NULL OR (date_trunc('milliseconds', enrolled_at AT TIME ZONE 'UTC'), id) > (date_trunc('milliseconds', $3::timestamptz AT TIME ZONE 'UTC'), $4::uuid))
        ORDER BY date_trunc('milliseconds', enrolled_at AT TIME ZONE 'UTC'), id LIMIT $5`,
      [cohortId, courseVersionId, after?.enrolledAt ?? null, after?.enrollmentId ?? null, Math.max(1, Math.min(limit, 1000))],
    );
    const names = await this.displayNames(rows.map((r) => r.trainee_id));
    return rows.map((r) => ({
      enrollmentId: r.id, traineeId: r.trainee_id, displayName: names.get(r.trainee_id) ?? null,
      courseVersionId: r.course_version_id, status: r.status, enrolledAt: r.enrolled_at,
    }));
  }

  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    return new Map((await this.users.findByIds(userIds)).map((p) => [p.id, p.displayName]));
  }
}
