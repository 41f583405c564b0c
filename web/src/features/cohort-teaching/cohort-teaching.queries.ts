import { queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

/** Query keys of the instructor's cohort workspace (all under the cohort, dropped at sign-out with the rest). */
export const teachingKeys = {
  roster: (cohortId: string) => ['cohorts', cohortId, 'roster'] as const,
  reviewQueue: (cohortId: string, courseVersionId: string, assessmentId: string) => ['cohorts', cohortId, 'review-queue', courseVersionId, assessmentId] as const,
  gradebook: (cohortId: string, courseVersionId: string) => ['cohorts', cohortId, 'gradebook', courseVersionId] as const,
  submission: (id: string) => ['submissions', id, 'staff'] as const,
};

export const rosterQuery = (cohortId: string) =>
  queryOptions({
    queryKey: teachingKeys.roster(cohortId),
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}/roster', { params: { path: { id: cohortId }, query: {} } })),
  });
