import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';

// Published versions never change: their outline and lesson bodies are kept for the whole visit.
const FOREVER = Number.POSITIVE_INFINITY;

export const courseVersionQuery = (courseId: string, version: number) =>
  queryOptions({
    queryKey: queryKeys.courses.version(courseId, version),
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}/versions/{version}', { params: { path: { id: courseId, version } } })),
    staleTime: FOREVER,
  });

export const lessonQuery = (courseId: string, version: number, lessonId: string) =>
  queryOptions({
    queryKey: queryKeys.courses.lesson(courseId, version, lessonId),
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}/versions/{version}/lessons/{lessonId}', { params: { path: { id: courseId, version, lessonId } } })),
    staleTime: FOREVER,
  });

/** Marks a lesson done (idempotent on the server); progress everywhere is read again afterwards. */
export function useCompleteLesson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lessonId: string) => unwrap(api.POST('/api/v1/lessons/{id}/complete', { params: { path: { id: lessonId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.enrollments.all }),
  });
}
