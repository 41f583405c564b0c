import { useQuery } from '@tanstack/react-query';
import { enrollmentsQuery, type Enrollment } from '../../shared/api/resources/enrollments';

/** The trainee's enrollment that holds an assessment (by its module): for the link back to the course. */
export function useEnrollmentOf(moduleId: string | undefined, assessmentId: string | undefined): Enrollment | undefined {
  const enrollments = useQuery({ ...enrollmentsQuery, enabled: !!(moduleId || assessmentId) });
  return enrollments.data?.find((e) => e.modules.some((m) => m.moduleId === moduleId || m.assessments.some((a) => a.assessmentId === assessmentId)));
}
