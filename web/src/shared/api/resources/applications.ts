import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';
import type { components } from '../schema.gen';

/** One of the person's applications (GET /api/v1/me/applications). */
export type Application = components['schemas']['ApplicationView'];
export type ApplicationStatus = Application['status'];

export const myApplicationsQuery = queryOptions({
  queryKey: queryKeys.applications.mine,
  queryFn: () => unwrap(api.GET('/api/v1/me/applications')),
  // Decisions are made by others: read again whenever a screen shows them.
  staleTime: 0,
});
