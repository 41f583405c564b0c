import type { Cohort, TeachCourse } from './teach.types';

/**
 * The courses of the workspace: admins see every course; an instructor the ones they own and the
 * drafts the catalogue shows them (a draft is listed only to its owner and co-instructors).
 */
export function coursesOfTeacher(courses: TeachCourse[], userId: string, isAdmin: boolean): TeachCourse[] {
  const mine = isAdmin ? courses : courses.filter((c) => c.ownerId === userId || c.status === 'draft');
  return [...mine].sort((a, b) => Number(b.status === 'draft') - Number(a.status === 'draft') || a.title.localeCompare(b.title));
}

/** Cohorts by the course they run, with the version each runs (a cohort keeps the version it started with). */
export function cohortsByCourse(cohorts: Cohort[]): Map<string, Array<{ cohort: Cohort; version: number }>> {
  const byCourse = new Map<string, Array<{ cohort: Cohort; version: number }>>();
  for (const cohort of cohorts) {
    for (const course of cohort.courses) {
      byCourse.set(course.courseId, [...(byCourse.get(course.courseId) ?? []), { cohort, version: course.version }]);
    }
  }
  return byCourse;
}
