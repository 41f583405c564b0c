import { useQuery } from '@tanstack/react-query';
import { enrollmentsQuery, type Enrollment } from '../../shared/api/resources/enrollments';
import { ProblemError } from '../../shared/api/problem';
import { courseVersionQuery } from './learning.queries';

/**
 * One enrollment of the trainee and its course outline, for the outline and lesson screens. An id
 * that is not one of theirs is a 404, as the API would say.
 */
export function useEnrollmentWithOutline(enrollmentId: string) {
  const enrollments = useQuery(enrollmentsQuery);
  const enrollment: Enrollment | undefined = enrollments.data?.find((e) => e.id === enrollmentId);
  const outline = useQuery({ ...courseVersionQuery(enrollment?.course.courseId ?? '', enrollment?.course.version ?? 0), enabled: !!enrollment });
  const missing = enrollments.isSuccess && !enrollment;
  return {
    enrollment,
    outline: outline.data,
    isPending: enrollments.isPending || (!!enrollment && outline.isPending),
    error: missing ? new ProblemError({ type: 'about:blank', title: 'Not found', status: 404 }) : (enrollments.error ?? outline.error),
    refetch: () => void (enrollments.isError ? enrollments.refetch() : outline.refetch()),
  };
}
