import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';
import type { components } from '../schema.gen';

/** A cohort as the open-cohorts and cohort screens show it (GET /api/v1/cohorts, /api/v1/cohorts/{id}). */
export type Cohort = components['schemas']['CohortView'];

export const cohortsQuery = queryOptions({
  queryKey: queryKeys.cohorts.list(),
  queryFn: async () => (await unwrap(api.GET('/api/v1/cohorts', { params: { query: { limit: 100 } } }))).items,
});

export const cohortQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.cohorts.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}', { params: { path: { id } } })),
  });

/** Applications are open now: the server's rule (it decides again on apply), so the form is offered only then. */
export function acceptsApplications(cohort: Cohort, now = Date.now()): boolean {
  return cohort.status === 'accepting_applications' && Date.parse(cohort.applicationsOpenAt) <= now && now < Date.parse(cohort.applicationsCloseAt);
}
