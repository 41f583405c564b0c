import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';

// Interim shape until the route declares its response schema (see enrollments.ts).
export interface Cohort {
  id: string;
  name: string;
  status: 'planned' | 'accepting_applications' | 'running' | 'completed' | 'archived';
  capacity: number;
  seatsTaken: number;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  startsAt: string;
  endsAt: string;
  courses: { versionId: string; courseId: string; code: string; title: string; trackCode: string; version: number }[];
  questions: { id: string; prompt: string; required: boolean }[];
}

export const cohortsQuery = queryOptions({
  queryKey: queryKeys.cohorts.list(),
  queryFn: async () => (await unwrap<{ items: Cohort[] }>(api.GET('/api/v1/cohorts', { params: { query: { limit: 100 } } } as never))).items,
});

export const cohortQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.cohorts.detail(id),
    queryFn: () => unwrap<Cohort>(api.GET('/api/v1/cohorts/{id}', { params: { path: { id } } })),
  });

/** Applications are open now: the server's rule (it decides again on apply), so the form is offered only then. */
export function acceptsApplications(cohort: Cohort, now = Date.now()): boolean {
  return cohort.status === 'accepting_applications' && Date.parse(cohort.applicationsOpenAt) <= now && now < Date.parse(cohort.applicationsCloseAt);
}
