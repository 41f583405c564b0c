import type { Cohort, TeachCourse } from './teach.types';

/**
 * The courses of the workspace, drafts first then by title: admins see every course; an instructor
 * the ones the API lists as theirs to teach (`?teaching=true`: owned or co-instructed).
 */
export function coursesOfTeacher(courses: TeachCourse[]): TeachCourse[] {
  return [...courses].sort((a, b) => Number(b.status === 'draft') - Number(a.status === 'draft') || a.title.localeCompare(b.title));
}

/** An instructor's part in a course the API listed as theirs: the owner, else a co-instructor. */
export function teachingRole(course: TeachCourse, userId: string): 'owner' | 'co-instructor' {
  return course.ownerId === userId ? 'owner' : 'co-instructor';
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
