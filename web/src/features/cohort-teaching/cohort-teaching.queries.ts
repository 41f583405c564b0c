import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { components } from '../../shared/api/schema.gen';
import { downloadFile } from '../../shared/ui/download-file';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

export type GradebookPage = components['schemas']['GradebookView'];

/** Query keys of the instructor's cohort workspace (all under the cohort, dropped at sign-out with the rest). */
export const teachingKeys = {
  roster: (cohortId: string) => ['cohorts', cohortId, 'roster'] as const,
  reviewQueue: (cohortId: string, courseVersionId: string, assessmentId: string) => ['cohorts', cohortId, 'review-queue', courseVersionId, assessmentId] as const,
  gradebook: (cohortId: string, courseVersionId: string) => ['cohorts', cohortId, 'gradebook', courseVersionId] as const,
  submission: (id: string) => ['submissions', id, 'staff'] as const,
};

export type RosterView = components['schemas']['RosterView'];

/**
 * The whole roster: the screen filters, sorts and selects over every trainee of the cohort, so it
 * follows the API's pages (1,000 trainees each) to the end instead of showing the first page only.
 */
export const rosterQuery = (cohortId: string) =>
  queryOptions({
    queryKey: teachingKeys.roster(cohortId),
    queryFn: () => wholeRoster(cohortId),
  });

export async function wholeRoster(cohortId: string): Promise<RosterView> {
  const read = (cursor?: string) => unwrap(api.GET('/api/v1/cohorts/{id}/roster', { params: { path: { id: cohortId }, query: cursor ? { cursor } : {} } }));
  const first = await read();
  const items = [...first.items];
  for (let cursor = first.nextCursor; cursor; ) {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return { ...first, items, nextCursor: null };
}

export const reviewQueueQuery = (cohortId: string, courseVersionId: string, assessmentId: string) =>
  queryOptions({
    queryKey: teachingKeys.reviewQueue(cohortId, courseVersionId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cohorts/{id}/review-queue', {
          params: {
            path: { id: cohortId },
            query: { limit: 100, ...(courseVersionId ? { courseVersionId } : {}), ...(assessmentId ? { assessmentId } : {}) },
          },
        }),
      ),
  });

/** A submission as staff see it: whose it is and every grade it had. */
export const staffSubmissionQuery = (submissionId: string) =>
  queryOptions({
    queryKey: teachingKeys.submission(submissionId),
    queryFn: () => unwrap(api.GET('/api/v1/submissions/{id}', { params: { path: { id: submissionId } } })),
  });

/** The assessment with its key (the rubric), as the cohort's instructors may see it. */
export const staffAssessmentQuery = (assessmentId: string) =>
  queryOptions({
    queryKey: ['assessments', assessmentId, 'staff'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/assessments/{id}', { params: { path: { id: assessmentId } } })),
  });

/** The gradebook, a page of trainees at a time (the assessment columns come with every page). */
export const gradebookQuery = (cohortId: string, courseVersionId: string) =>
  infiniteQueryOptions({
    queryKey: teachingKeys.gradebook(cohortId, courseVersionId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/cohorts/{id}/gradebook', {
          params: { path: { id: cohortId }, query: { courseVersionId, limit: 50, format: 'json', ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ) as Promise<GradebookPage>,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: courseVersionId !== '',
  });

/** The whole gradebook as the server's CSV file (fetched with the session: the token is not a cookie). */
export async function downloadGradebookCsv(cohortId: string, courseVersionId: string): Promise<void> {
  const blob = await unwrap<Blob>(
    api.GET('/api/v1/cohorts/{id}/gradebook', { params: { path: { id: cohortId }, query: { courseVersionId, format: 'csv' } }, parseAs: 'blob' }) as never,
  );
  downloadFile(blob, `gradebook-${cohortId}-${courseVersionId}.csv`);
}
