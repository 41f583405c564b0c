import { Injectable } from '@nestjs/common';
import { DirectReads } from '@gds/database';
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
    private readonly reads: DirectReads,
    private readonly versions: PublishedCourseVersions,
  ) {}

  /** Ids of the courses the trainee has completed (in any version). */
  async completedCourseIds(traineeId: string): Promise<Set<string>> {
    return (await this.completedCourseIdsOf([traineeId])).get(traineeId) ?? new Set();
  }

  /** The courses of the given completed versions (a trainee's, read by the caller in its own statement), through the outlines. */
  async completedCourseIdsOfVersions(versionIds: string[]): Promise<Set<string>> {
    if (!versionIds.length) return new Set();
    return new Set((await this.versions.getOutlines(versionIds)).map((o) => o.courseId));
  }

  /** Per trainee: ids of the courses they have completed (in any version); one query and one outline lookup for all. */
  private async completedCourseIdsOf(traineeIds: string[]): Promise<Map<string, Set<string>>> {
    const rows = await this.reads.query<{ traineeId: string; versionId: string }>(
      `SELECT DISTINCT trainee_id AS "traineeId", course_version_id AS "versionId" FROM enrollment WHERE trainee_id = ANY($1::uuid[]) AND status = 'completed'`,
      [[...new Set(traineeIds)]],
    );
    const courseOf = new Map((await this.versions.getOutlines([...new Set(rows.map((r) => r.versionId))])).map((o) => [o.versionId, o.courseId]));
    const completed = new Map<string, Set<string>>();
    for (const { traineeId, versionId } of rows) {
      const courseId = courseOf.get(versionId);
      if (!courseId) continue;
      if (!completed.has(traineeId)) completed.set(traineeId, new Set());
      completed.get(traineeId)!.add(courseId);
    }
    return completed;
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
   * `missing` for many (trainee, version) pairs at once, in a fixed number of queries: per pair (in
   * the order given), the prerequisite courses of the version the trainee has not completed.
   */
  async missingMany(pairs: ReadonlyArray<{ traineeId: string; courseVersionId: string }>): Promise<CourseRef[][]> {
    const outlines = new Map((await this.versions.getOutlines([...new Set(pairs.map((p) => p.courseVersionId))])).map((o) => [o.versionId, o]));
    const needing = pairs.filter((p) => outlines.get(p.courseVersionId)?.prerequisiteCourseIds?.length);
    if (!needing.length) return pairs.map(() => []);
    const completed = await this.completedCourseIdsOf(needing.map((p) => p.traineeId));
    const courseIds = [...new Set(needing.flatMap((p) => outlines.get(p.courseVersionId)!.prerequisiteCourseIds!))];
    const courses = new Map((await this.versions.getCourses(courseIds)).map((c) => [c.courseId, c]));
    return pairs.map(({ traineeId, courseVersionId }) =>
      (outlines.get(courseVersionId)?.prerequisiteCourseIds ?? [])
        .filter((courseId) => !completed.get(traineeId)?.has(courseId))
        .map((courseId) => {
          const { code, title } = courses.get(courseId) ?? { code: '', title: courseId };
          return { courseId, code, title };
        }),
    );
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
