import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { unprocessable } from '@gds/http';
import { CourseRef, CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';

/** A prerequisite course of a cohort's course version, and whether the trainee asked about has completed it. */
export interface PrerequisiteStanding extends CourseRef {
  met: boolean;
}

/**
 * Course prerequisites: the courses a version was published with (`prerequisiteCourseIds`) must be
 * completed before a trainee applies to or is enrolled in a cohort running that version.
 *
 * "Completed" is a completed enrollment (status `completed`, set by the progress recompute once
 * every module is done) in any version of the prerequisite course. Enrollments are this module's
 * own data; certificates are not asked for: the certification module depends on this one, so
 * asking it would make a cycle, every certificate rests on an enrollment anyway, and a course
 * without certification criteria issues none, so "has a certificate" would lock out trainees who
 * finished such a course.
 */
@Injectable()
export class PrerequisiteChecks {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly versions: PublishedCourseVersions,
  ) {}

  /** Ids of the courses the trainee has completed (in any version). */
  async completedCourseIds(traineeId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT DISTINCT course_version_id AS id FROM enrollment WHERE trainee_id = $1 AND status = 'completed'`,
      [traineeId],
    );
    const outlines = await this.versions.getOutlines(rows.map((r) => r.id));
    return new Set(outlines.map((o) => o.courseId));
  }

  /** Per version id: its prerequisites (in the order published), each with whether `completed` holds it. */
  async standings(outlines: CourseVersionOutline[], completed: Set<string>): Promise<Map<string, PrerequisiteStanding[]>> {
    const ids = [...new Set(outlines.flatMap((o) => o.prerequisiteCourseIds ?? []))];
    const courses = new Map((await this.versions.getCourses(ids)).map((c) => [c.courseId, c]));
    return new Map(
      outlines.map((o) => [
        o.versionId,
        (o.prerequisiteCourseIds ?? []).map((courseId) => ({ ...(courses.get(courseId) ?? { courseId, code: '', title: courseId }), met: completed.has(courseId) })),
      ]),
    );
  }

  /** The prerequisite courses of the version the trainee has not completed (in the order published), with the version's title. */
  async missing(traineeId: string, courseVersionId: string): Promise<{ courseTitle: string; missing: CourseRef[] }> {
    const outline = await this.versions.getOutline(courseVersionId);
    if (!outline?.prerequisiteCourseIds?.length) return { courseTitle: outline?.courseTitle ?? '', missing: [] };
    const standing = (await this.standings([outline], await this.completedCourseIds(traineeId))).get(courseVersionId) ?? [];
    return { courseTitle: outline.courseTitle, missing: standing.filter((s) => !s.met).map(({ courseId, code, title }) => ({ courseId, code, title })) };
  }

  /**
   * Refuses (422 prerequisites-not-met, naming the missing courses) when the trainee has not
   * completed every prerequisite of the version. `byStaff` words the refusal for staff: an admin may
   * waive the prerequisites (`overridePrerequisites`, recorded in the decision's audit entry; then
   * this is not called).
   */
  async require(traineeId: string, courseVersionId: string, byStaff: boolean): Promise<void> {
    const { courseTitle, missing } = await this.missing(traineeId, courseVersionId);
    if (!missing.length) return;
    const names = missing.map((c) => c.title).join(', ');
    throw unprocessable(
      'prerequisites-not-met',
      byStaff
        ? `The trainee has not completed every prerequisite of ${courseTitle}: ${names}. An admin can waive the prerequisites and enroll them anyway.`
        : `Complete every prerequisite of ${courseTitle} before applying: ${names}.`,
      { missingCourses: missing },
    );
  }
}
