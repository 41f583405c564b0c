import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { conflict, hasRole, Principal, unprocessable } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { Course } from './course.entity';
import { CourseAccess } from './course-access.service';
import { findCycle } from './prerequisite-graph';
import type { CreateCourseDto, UpdateCourseDto } from './dto/course.dto';

/** Courses as a whole: create, edit the headline fields, co-instructors, prerequisites, archive. */
@Injectable()
export class CoursesService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CourseAccess,
    private readonly users: UserDirectory,
  ) {}

  private get courses() {
    return this.txHost.tx.getRepository(Course);
  }

  @Transactional()
  async create(principal: Principal, input: CreateCourseDto): Promise<Course> {
    const ownerId = input.ownerId && hasRole(principal, 'admin') ? input.ownerId : principal.userId;
    if (input.ownerId && input.ownerId !== principal.userId && !hasRole(principal, 'admin')) {
      throw unprocessable('owner-not-allowed', 'Only admins may create a course for another instructor.');
    }
    await this.requireInstructors([ownerId], 'ownerId');
    try {
      const { identifiers } = await this.courses.insert({
        code: input.code,
        title: input.title,
        summary: input.summary,
        trackCode: input.trackCode,
        level: input.level,
        estimatedHours: input.estimatedHours,
        ownerId,
      });
      return this.courses.findOneByOrFail({ id: identifiers[0].id });
    } catch (error) {
      if (isUniqueViolation(error, 'course_code_key')) throw conflict('course-code-taken', `A course with code ${input.code} already exists.`);
      throw error;
    }
  }

  @Transactional()
  async update(principal: Principal, courseId: string, changes: UpdateCourseDto): Promise<Course> {
    const course = await this.access.lockForEdit(principal, courseId);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(defined).length) await this.courses.update(course.id, defined);
    return this.courses.findOneByOrFail({ id: course.id });
  }

  @Transactional()
  async archive(principal: Principal, courseId: string): Promise<Course> {
    const course = await this.access.lockForEdit(principal, courseId);
    await this.courses.update(course.id, { status: 'archived' });
    return this.courses.findOneByOrFail({ id: course.id });
  }

  /** Only the owner or an admin names co-instructors (co-instructors edit, but don't share the course on). */
  @Transactional()
  async setCoInstructors(principal: Principal, courseId: string, userIds: string[]): Promise<string[]> {
    const course = await this.access.lockForEdit(principal, courseId);
    if (course.ownerId !== principal.userId && !hasRole(principal, 'admin')) {
      throw unprocessable('owner-only', 'Only the owner or an admin may change co-instructors.');
    }
    const others = userIds.filter((id) => id !== course.ownerId);
    await this.requireInstructors(others, 'userIds');
    await this.txHost.tx.query(`DELETE FROM course_co_instructor WHERE course_id = $1`, [courseId]);
    await this.txHost.tx.query(`INSERT INTO course_co_instructor (course_id, user_id) SELECT $1, unnest($2::uuid[])`, [courseId, others]);
    return others;
  }

  async coInstructors(courseId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.txHost.tx.query(
      `SELECT user_id FROM course_co_instructor WHERE course_id = $1 ORDER BY user_id`,
      [courseId],
    );
    return rows.map((r) => r.user_id);
  }

  async prerequisites(courseId: string): Promise<string[]> {
    const rows: Array<{ prerequisite_id: string }> = await this.txHost.tx.query(
      `SELECT prerequisite_id FROM course_prerequisite WHERE course_id = $1 ORDER BY prerequisite_id`,
      [courseId],
    );
    return rows.map((r) => r.prerequisite_id);
  }

  /** Replaces the course's prerequisites; a cycle through any chain of courses is a 422. */
  @Transactional()
  async setPrerequisites(principal: Principal, courseId: string, prerequisiteIds: string[]): Promise<string[]> {
    await this.access.lockForEdit(principal, courseId);
    // One writer of the course graph at a time, so two concurrent edits cannot close a cycle together.
    await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtext('course:prerequisites'))`);
    if (prerequisiteIds.length) {
      const found: Array<{ id: string }> = await this.txHost.tx.query(
        `SELECT id FROM course WHERE id = ANY($1::uuid[]) AND (latest_version > 0 OR owner_id = $2)`,
        [prerequisiteIds, principal.userId],
      );
      const missing = prerequisiteIds.filter((id) => !found.some((row) => row.id === id));
      if (missing.length) throw unprocessable('unknown-course', `No visible course has id ${missing.join(', ')}.`);
    }
    const edges: Array<{ course_id: string; prerequisite_id: string }> = await this.txHost.tx.query(
      `SELECT course_id, prerequisite_id FROM course_prerequisite WHERE course_id <> $1`,
      [courseId],
    );
    const graph: Array<[string, string]> = [...edges.map((e): [string, string] => [e.course_id, e.prerequisite_id]), ...prerequisiteIds.map((id): [string, string] => [courseId, id])];
    const cycle = findCycle(graph);
    if (cycle) throw unprocessable('prerequisite-cycle', 'These prerequisites would make a cycle of courses.', { cycle });
    await this.txHost.tx.query(`DELETE FROM course_prerequisite WHERE course_id = $1`, [courseId]);
    await this.txHost.tx.query(`INSERT INTO course_prerequisite (course_id, prerequisite_id) SELECT $1, unnest($2::uuid[])`, [courseId, prerequisiteIds]);
    return [...prerequisiteIds].sort();
  }

  private async requireInstructors(ids: string[], field: string): Promise<void> {
    const people = await this.users.findByIds(ids);
    const bad = ids.filter((id) => !people.some((p) => p.id === id && p.active && (p.roles.includes('instructor') || p.roles.includes('admin'))));
    if (bad.length) throw unprocessable('not-an-instructor', `${field}: ${bad.join(', ')} is not an active instructor (or admin).`);
  }
}
