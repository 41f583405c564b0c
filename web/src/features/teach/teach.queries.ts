import { queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import type { AuthorAssessment, Cohort, CourseDetail, CourseDraft, Criteria, DraftLesson, TeachCourse, VersionDiff, VersionSummary } from './teach.types';

/** Query keys of the instructor's workspace: one branch, so a change can drop what it touched. */
export const teachKeys = {
  all: ['teach'] as const,
  courses: ['teach', 'courses'] as const,
  cohorts: ['teach', 'cohorts'] as const,
  draft: (courseId: string) => ['teach', 'draft', courseId] as const,
  detail: (courseId: string) => ['teach', 'detail', courseId] as const,
  versions: (courseId: string) => ['teach', 'versions', courseId] as const,
  diff: (courseId: string, from: number, to: number) => ['teach', 'diff', courseId, from, to] as const,
  lesson: (lessonId: string) => ['teach', 'lesson', lessonId] as const,
  moduleAssessments: (moduleId: string) => ['teach', 'module-assessments', moduleId] as const,
  assessment: (id: string) => ['teach', 'assessment', id] as const,
  criteria: (versionId: string) => ['teach', 'criteria', versionId] as const,
};

/** Every page of a cursor-paginated list (the workspace lists are short: a few pages at most). */
async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const answer = await fetchPage(cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

/**
 * With `teaching`, the courses the caller owns or co-instructs (drafts and published); without it
 * the catalogue as the caller sees it (published courses plus their own drafts; admins: every course).
 */
export const teachCoursesQuery = (teaching: boolean) =>
  queryOptions({
    queryKey: [...teachKeys.courses, teaching ? 'teaching' : 'all'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap<{ items: TeachCourse[]; nextCursor: string | null }>(
          api.GET('/api/v1/courses', { params: { query: { limit: 100, cursor, ...(teaching ? { teaching: 'true' } : {}) } as never } }),
        ),
      ),
  });

/** The cohorts the caller instructs (admins: all). */
export const teachCohortsQuery = queryOptions({
  queryKey: teachKeys.cohorts,
  queryFn: () =>
    allPages((cursor) => unwrap<{ items: Cohort[]; nextCursor: string | null }>(api.GET('/api/v1/cohorts', { params: { query: { limit: 100, cursor } as never } }))),
});

export const courseDraftQuery = (courseId: string) =>
  queryOptions({
    queryKey: teachKeys.draft(courseId),
    queryFn: () => unwrap<CourseDraft>(api.GET('/api/v1/courses/{id}/draft', { params: { path: { id: courseId } } })),
  });

export const courseDetailQuery = (courseId: string) =>
  queryOptions({
    queryKey: teachKeys.detail(courseId),
    queryFn: () => unwrap<CourseDetail>(api.GET('/api/v1/courses/{id}', { params: { path: { id: courseId } } })),
  });

export const courseVersionsQuery = (courseId: string) =>
  queryOptions({
    queryKey: teachKeys.versions(courseId),
    queryFn: () => unwrap<VersionSummary[]>(api.GET('/api/v1/courses/{id}/versions', { params: { path: { id: courseId } } })),
  });

export const versionDiffQuery = (courseId: string, from: number, to: number) =>
  queryOptions({
    queryKey: teachKeys.diff(courseId, from, to),
    queryFn: () => unwrap<VersionDiff>(api.GET('/api/v1/courses/{id}/versions/{from}/diff/{to}', { params: { path: { id: courseId, from, to } } })),
  });

export const draftLessonQuery = (lessonId: string) =>
  queryOptions({
    queryKey: teachKeys.lesson(lessonId),
    queryFn: () => unwrap<DraftLesson>(api.GET('/api/v1/lessons/{id}', { params: { path: { id: lessonId } } })),
    // The editor owns the text once it is open: a background refetch must not replace what is being typed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const moduleAssessmentsQuery = (moduleId: string) =>
  queryOptions({
    queryKey: teachKeys.moduleAssessments(moduleId),
    queryFn: () => unwrap<AuthorAssessment[]>(api.GET('/api/v1/modules/{id}/assessments', { params: { path: { id: moduleId } } })),
  });

export const authorAssessmentQuery = (id: string) =>
  queryOptions({
    queryKey: teachKeys.assessment(id),
    queryFn: () => unwrap<AuthorAssessment>(api.GET('/api/v1/assessments/{id}', { params: { path: { id } } }) as never),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const criteriaQuery = (versionId: string) =>
  queryOptions({
    queryKey: teachKeys.criteria(versionId),
    queryFn: () => unwrap<Criteria>(api.GET('/api/v1/course-versions/{id}/certification-criteria', { params: { path: { id: versionId } } })),
  });
