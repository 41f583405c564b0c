import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { allPages } from '../all-pages';
import { queryKeys } from '../query-keys';
import type { components } from '../schema.gen';

/** One of the person's applications (GET /api/v1/me/applications). */
export type Application = components['schemas']['ApplicationView'];
export type ApplicationStatus = Application['status'];

export const myApplicationsQuery = queryOptions({
  queryKey: queryKeys.applications.mine,
  // The screens (home, cohorts, a cohort) look up the application of each cohort, so they need them
  // all: a trainee applies to few cohorts, so this is one request of up to 100 and rarely a second.
  queryFn: () => allPages<Application>((cursor) => unwrap(api.GET('/api/v1/me/applications', { params: { query: { limit: 100, cursor } } }))),
  // Decisions are made by others: read again whenever a screen shows them.
  staleTime: 0,
});
