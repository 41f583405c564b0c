import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import type { ApplicationFilters } from './application-filters';
import type { ApplicationPage, DecisionRecord, ReviewedApplication, Rubric, TrackQuotas } from './admissions.types';

/** Query keys of the workbench: all under 'admissions', so a decision refreshes every list, quota and review at once. */
export const admissionsKeys = {
  all: ['admissions'] as const,
  list: (cohortId: string, filters: ApplicationFilters) => ['admissions', cohortId, 'applications', filters] as const,
  rubric: (cohortId: string) => ['admissions', cohortId, 'rubric'] as const,
  quotas: (cohortId: string) => ['admissions', cohortId, 'track-quotas'] as const,
  review: (applicationId: string) => ['admissions', 'review', applicationId] as const,
  trail: (applicationId: string) => ['admissions', 'trail', applicationId] as const,
};

const PAGE_SIZE = 50;

export const applicationsQuery = (cohortId: string, filters: ApplicationFilters) =>
  infiniteQueryOptions({
    queryKey: admissionsKeys.list(cohortId, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<ApplicationPage>(
        // The route also answers text/csv (format=csv): the JSON page is what this call asks for.
        api.GET('/api/v1/cohorts/{id}/applications', { params: { path: { id: cohortId }, query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } } }) as never,
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });

export const rubricQuery = (cohortId: string) =>
  queryOptions({
    queryKey: admissionsKeys.rubric(cohortId),
    queryFn: () => unwrap<Rubric>(api.GET('/api/v1/cohorts/{id}/rubric', { params: { path: { id: cohortId } } })),
  });

export const quotasQuery = (cohortId: string) =>
  queryOptions({
    queryKey: admissionsKeys.quotas(cohortId),
    queryFn: () => unwrap<TrackQuotas>(api.GET('/api/v1/cohorts/{id}/track-quotas', { params: { path: { id: cohortId } } })),
    staleTime: 0,
  });

export const reviewQuery = (applicationId: string) =>
  queryOptions({
    queryKey: admissionsKeys.review(applicationId),
    queryFn: () => unwrap<ReviewedApplication>(api.GET('/api/v1/applications/{id}/review', { params: { path: { id: applicationId } } })),
    staleTime: 0,
  });

/**
 * The whole trail, page after page (the API pages it, oldest first): the review screen shows it all
 * and the revert looks for its last decision. One application's trail stays short.
 */
async function wholeTrail(applicationId: string): Promise<DecisionRecord[]> {
  const records: DecisionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/applications/{id}/decisions', { params: { path: { id: applicationId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
    records.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return records;
}

export const trailQuery = (applicationId: string) =>
  queryOptions({
    queryKey: admissionsKeys.trail(applicationId),
    queryFn: () => wholeTrail(applicationId),
    staleTime: 0,
  });

/** The shortlist (every shortlisted application, not one page) as the API's CSV file. */
export async function fetchShortlistCsv(cohortId: string): Promise<Blob> {
  return unwrap<Blob>(
    api.GET('/api/v1/cohorts/{id}/applications', { params: { path: { id: cohortId }, query: { status: 'shortlisted', format: 'csv' } }, parseAs: 'blob' }) as never,
  );
}
