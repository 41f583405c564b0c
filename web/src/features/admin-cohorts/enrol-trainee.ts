import { ProblemError } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema.gen';

export type EnrolledTrainee = Pick<components['schemas']['UserView'], 'id' | 'email' | 'displayName' | 'roles' | 'active'>;

/** A prerequisite course the trainee has not completed, as the API names it in a prerequisites-not-met refusal. */
export interface MissingCourse {
  courseId: string;
  code: string;
  title: string;
}

/** No trainee account has the e-mail typed: found before asking the enrolment route, which takes an id. */
export class NoSuchTrainee extends Error {
  constructor(readonly email: string) {
    super(`No trainee has the e-mail ${email}`);
    this.name = 'NoSuchTrainee';
  }
}

/** The courses a prerequisites-not-met refusal names, or null for any other failure (which is shown as a message). */
export function missingPrerequisites(error: unknown): MissingCourse[] | null {
  if (!(error instanceof ProblemError) || error.slug !== 'prerequisites-not-met') return null;
  const listed = (error.problem as { missingCourses?: unknown }).missingCourses;
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((course: unknown) => {
    const { courseId, code, title } = (course ?? {}) as Partial<MissingCourse>;
    return typeof title === 'string' ? [{ courseId: String(courseId ?? title), code: typeof code === 'string' ? code : '', title }] : [];
  });
}

/** "NET-101 Networking basics" or just the title when the course has no code (as the waiver table shows them). */
export const courseName = (course: Pick<MissingCourse, 'code' | 'title'>) => (course.code ? `${course.code} ${course.title}` : course.title);
