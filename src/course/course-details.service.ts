import { Injectable } from '@nestjs/common';
import { DirectReads, namedStatement } from '@gds/database';
import { forbidden, hasRole, notFound, Principal } from '@gds/http';
import { Course } from './course.entity';
import { CourseAccess } from './course-access.service';
import { CourseModules, ModuleDetail } from './course-modules.service';
import { CourseVersions, VersionView } from './course-versions.service';
import { Lessons } from './lessons.service';
import { Lesson } from './lesson.entity';

export interface CourseDetail {
  course: Course;
  coInstructorIds: string[];
  prerequisiteCourseIds: string[];
  /** The latest published version with its outline (no lesson bodies), or null before the first publish. */
  latest: VersionView | null;
  skills: Array<{ code: string; name: string; frameworkRef: string | null }>;
}

/** The course page's two statements (the course row, the skills its latest version teaches): fixed texts, parsed once per connection. */
const COURSE_DETAIL = namedStatement(
  'course:detail',
      `SELECT c.id, c.code, c.title, c.summary, c.track_code AS "trackCode", c.level, c.estimated_hours AS "estimatedHours",
              c.owner_id AS "ownerId", c.status, c.latest_version AS "latestVersion", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
              ARRAY(SELECT user_id::text FROM course_co_instructor WHERE course_id = c.id ORDER BY user_id) AS "coInstructorIds",
              ARRAY(SELECT prerequisite_id::text FROM course_prerequisite WHERE course_id = c.id ORDER BY prerequisite_id) AS "prerequisiteCourseIds"
         FROM course c WHERE c.id = $1`,
);
const SKILLS_BY_CODE = namedStatement('course:skills-by-code', `SELECT code, name, framework_ref AS "frameworkRef" FROM skill WHERE code = ANY($1::text[]) ORDER BY code`);

/** The catalogue page of one course, and the draft for its editors. */
@Injectable()
export class CourseDetails {
  constructor(
    private readonly reads: DirectReads,
    private readonly access: CourseAccess,
    private readonly modules: CourseModules,
    private readonly lessons: Lessons,
    private readonly versions: CourseVersions,
  ) {}

  /**
   * Two statements where there were six (issue 23's load profile: the slowest read of the mix): the
   * course with its co-instructors and prerequisites in one plain-SQL row (no entity hydration; the
   * editor check reads the same row), the latest version from CourseVersions' per-process cache of
   * immutable versions, and the skills it teaches. Straight on the pool outside a transaction.
   */
  async detail(principal: Principal, courseId: string): Promise<CourseDetail> {
    const rows = await this.reads.query<Course & { coInstructorIds: string[]; prerequisiteCourseIds: string[] }>(
      COURSE_DETAIL,
      [courseId],
    );
    if (!rows.length) throw notFound('Course');
    const { coInstructorIds, prerequisiteCourseIds, ...course } = rows[0];
    // Visible: published at least once, or the caller edits it (CourseAccess.findVisible's rule, on the row already read).
    const editor = hasRole(principal, 'admin') || course.ownerId === principal.userId || coInstructorIds.includes(principal.userId);
    if (course.latestVersion === 0 && !editor) throw notFound('Course');
    const latest = course.latestVersion > 0 ? await this.versions.published(courseId, course.latestVersion) : null;
    const codes = [...new Set((latest?.outline?.modules ?? []).flatMap((m) => m.skillCodes))];
    const skills = codes.length
      ? await this.reads.query<CourseDetail['skills'][number]>(SKILLS_BY_CODE, [codes])
      : [];
    return { course, coInstructorIds, prerequisiteCourseIds, latest, skills };
  }

  async draft(principal: Principal, courseId: string): Promise<{ course: Course; modules: Array<ModuleDetail & { lessons: Lesson[] }> }> {
    const course = await this.access.findVisible(principal, courseId);
    if (!(await this.access.isEditor(principal, courseId))) throw forbidden('The draft is for the course’s instructors and admins.');
    const modules = await this.modules.listOf(courseId);
    const lessons = await this.lessons.listOf(modules.map((m) => m.id));
    return { course, modules: modules.map((m) => ({ ...m, lessons: lessons.filter((l) => l.moduleId === m.id) })) };
  }
}
