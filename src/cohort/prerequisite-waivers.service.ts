import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { assertMicrosecondCursor, decodeCursor, microsecondKey, Page, PageQuery, Principal, toPage } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { CohortAccess } from './cohort-access.service';
import { PrerequisiteWaiverView } from './dto/prerequisite-waiver.dto';
import { CourseRef } from '../course/published-course-versions.contract';

interface WaiverRow {
  id: string;
  cohort_id: string;
  enrollment_id: string;
  course_version_id: string;
  trainee_id: string;
  actor_id: string;
  waived_courses: CourseRef[];
  reason: string | null;
  created_at: Date;
  /** created_at to the microsecond, as the cursor keeps it (toISOString stops at the millisecond). */
  cursor_at: string;
}

/**
 * The audit of prerequisites waived by a direct enrolment (an accepted application's waiver is in
 * its decision's audit entry): written in the enrolment's transaction, read by the cohort's staff.
 */
@Injectable()
export class PrerequisiteWaivers {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly users: UserDirectory,
  ) {}

  async record(waiver: { cohortId: string; enrollmentId: string; traineeId: string; courseVersionId: string; actorId: string; courses: CourseRef[]; reason: string | null }): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO prerequisite_waiver (cohort_id, enrollment_id, trainee_id, course_version_id, actor_id, waived_courses, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [waiver.cohortId, waiver.enrollmentId, waiver.traineeId, waiver.courseVersionId, waiver.actorId, JSON.stringify(waiver.courses), waiver.reason],
    );
  }

  /** Newest first; the cohort's admins and instructors only (reviewers see no one trainee). */
  async list(principal: Principal, cohortId: string, query: PageQuery): Promise<Page<PrerequisiteWaiverView>> {
    await this.access.requireStaffHeadline(principal, cohortId);
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    if (after) assertMicrosecondCursor(after.at, after.id);
    const rows: WaiverRow[] = await this.txHost.tx.query(
      `SELECT id, cohort_id, enrollment_id, course_version_id, trainee_id, actor_id, waived_courses, reason, created_at,
              ${microsecondKey('created_at')} AS cursor_at
         FROM prerequisite_waiver
        WHERE cohort_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [cohortId, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = toPage(rows, query.limit, (r) => ({ at: r.cursor_at, id: r.id }));
    const people = new Map((await this.users.findByIds([...new Set(page.items.flatMap((r) => [r.trainee_id, r.actor_id]))])).map((p) => [p.id, p.displayName]));
    const person = (id: string) => ({ id, displayName: people.get(id) ?? '' });
    return {
      items: page.items.map((r) => ({
        id: r.id, cohortId: r.cohort_id, enrollmentId: r.enrollment_id, courseVersionId: r.course_version_id,
        trainee: person(r.trainee_id), waivedBy: person(r.actor_id), courses: r.waived_courses, reason: r.reason, waivedAt: r.created_at.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
