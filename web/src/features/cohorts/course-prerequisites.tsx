import { Trans } from '@lingui/react/macro';
import type { Cohort } from '../../shared/api/resources/cohorts';

type CohortCourse = Cohort['courses'][number];

/** The courses to complete before applying for this one, each saying whether the trainee has (in words, not colour alone). */
export function CoursePrerequisites({ course }: { course: CohortCourse }) {
  if (course.prerequisites.length === 0) return null;
  return (
    <div>
      <p className="meta">
        <Trans>Complete these courses first:</Trans>
      </p>
      <ul>
        {course.prerequisites.map((p) => (
          <li key={p.courseId}>
            {p.title} — {p.met ? <Trans>completed</Trans> : <strong><Trans>not completed yet</Trans></strong>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Whether the trainee may apply for at least one of the cohort's courses (the server decides again on apply). */
export function meetsSomeCourse(cohort: Cohort): boolean {
  return cohort.courses.some((c) => c.prerequisitesMet);
}
