import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, namedStatement } from '@gds/database';
import { conflict, forbidden, hasRole, notFound, Principal } from '@gds/http';
import { CourseReaders } from './course-readers.contract';
import { Course } from './course.entity';

/** The visibility check's one column (every version and outline read): parsed once per connection. */
const LATEST_VERSION = namedStatement('course:latest-version', 'SELECT latest_version FROM course WHERE id = $1');

/**
 * Who may do what with a course. Owner and co-instructors (the editors) and admins edit the draft
 * and publish; every signed-in user sees published courses; lesson bodies of a version only for its
 * editors, admins, and trainees enrolled (active or completed) in a cohort running that very version.
 */
@Injectable()
export class CourseAccess {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly readers: CourseReaders,
    private readonly reads: DirectReads,
  ) {}

  async editorIds(courseId: string): Promise<string[]> {
    const rows = await this.reads.query<{ id: string }>(
      `SELECT owner_id AS id FROM course WHERE id = $1 UNION ALL SELECT user_id FROM course_co_instructor WHERE course_id = $1`,
      [courseId],
    );
    return rows.map((r) => r.id);
  }

  async isEditor(principal: Principal, courseId: string): Promise<boolean> {
    return hasRole(principal, 'admin') || (await this.editorIds(courseId)).includes(principal.userId);
  }

  /** Visible: published at least once, or the caller edits it. Invisible courses are 404. */
  async findVisible(principal: Principal, courseId: string): Promise<Course> {
    const course = await this.txHost.tx.getRepository(Course).findOneBy({ id: courseId });
    if (!course) throw notFound('Course');
    if (course.latestVersion === 0 && !(await this.isEditor(principal, courseId))) throw notFound('Course');
    return course;
  }

  /**
   * `findVisible` for reads that need only the answer, not the course: one column by plain SQL, no
   * entity (the version and lesson reads every trainee page makes; issue 23's profile showed the
   * query builder and entity mapping costing more than the query itself), and straight on the pool
   * outside a transaction (DirectReads).
   */
  async ensureVisible(principal: Principal, courseId: string): Promise<void> {
    const rows = await this.reads.query<{ latest_version: number }>(LATEST_VERSION, [courseId]);
    if (!rows.length) throw notFound('Course');
    if (rows[0].latest_version === 0 && !(await this.isEditor(principal, courseId))) throw notFound('Course');
  }

  /** The course locked for a change of its draft (serialises edits with publishing). */
  async lockForEdit(principal: Principal, courseId: string): Promise<Course> {
    const course = await this.txHost.tx
      .getRepository(Course)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :courseId', { courseId })
      .getOne();
    if (!course) throw notFound('Course');
    if (!(await this.isEditor(principal, courseId))) {
      if (course.latestVersion === 0) throw notFound('Course');
      throw forbidden('Only the course’s owner, its co-instructors and admins may change it.');
    }
    if (course.status === 'archived') throw conflict('course-archived', 'The course is archived; it can no longer change.');
    return course;
  }

  async mayReadBodies(principal: Principal, courseId: string, versionId: string): Promise<boolean> {
    return (await this.isEditor(principal, courseId)) || this.enrolledInVersion(principal, versionId);
  }

  /** The trainee part of `mayReadBodies`, for a read that learnt the caller's editorship in its own query (the lesson read). */
  async enrolledInVersion(principal: Principal, versionId: string): Promise<boolean> {
    if (!hasRole(principal, 'trainee')) return false;
    // A trainee who completed the course keeps reading it; a withdrawn one does not.
    return this.readers.enrolledInVersion(principal.userId, versionId);
  }

  /**
   * `enrolledInVersion` without the role check, as SQL over the caller's parameters or columns, when
   * the readers have that form (null otherwise): for a read that asks it inside its own statement.
   */
  enrolledInVersionSql(trainee: string, version: string): string | null {
    return this.readers.enrolledInVersionSql(trainee, version);
  }
}
