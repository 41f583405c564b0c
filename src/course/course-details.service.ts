import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { forbidden, Principal } from '@gds/http';
import { Course } from './course.entity';
import { CourseAccess } from './course-access.service';
import { CoursesService } from './courses.service';
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

/** The catalogue page of one course, and the draft for its editors. */
@Injectable()
export class CourseDetails {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CourseAccess,
    private readonly courses: CoursesService,
    private readonly modules: CourseModules,
    private readonly lessons: Lessons,
    private readonly versions: CourseVersions,
  ) {}

  async detail(principal: Principal, courseId: string): Promise<CourseDetail> {
    const course = await this.access.findVisible(principal, courseId);
    const latest = course.latestVersion > 0 ? await this.versions.get(principal, courseId, course.latestVersion) : null;
    const codes = [...new Set((latest?.outline?.modules ?? []).flatMap((m) => m.skillCodes))];
    const skills = await this.txHost.tx.query(
      `SELECT code, name, framework_ref AS "frameworkRef" FROM skill WHERE code = ANY($1::text[]) ORDER BY code`,
      [codes],
    );
    return {
      course,
      coInstructorIds: await this.courses.coInstructors(courseId),
      prerequisiteCourseIds: await this.courses.prerequisites(courseId),
      latest,
      skills,
    };
  }

  async draft(principal: Principal, courseId: string): Promise<{ course: Course; modules: Array<ModuleDetail & { lessons: Lesson[] }> }> {
    const course = await this.access.findVisible(principal, courseId);
    if (!(await this.access.isEditor(principal, courseId))) throw forbidden('The draft is for the course’s instructors and admins.');
    const modules = await this.modules.listOf(courseId);
    const lessons = await this.lessons.listOf(modules.map((m) => m.id));
    return { course, modules: modules.map((m) => ({ ...m, lessons: lessons.filter((l) => l.moduleId === m.id) })) };
  }
}
