import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';

// Interim shape until the route declares its response schema (see enrollments.ts).
export type ApplicationStatus = 'submitted' | 'shortlisted' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn';

export interface Application {
  id: string;
  cohortId: string;
  courseVersionId: string | null;
  status: ApplicationStatus;
  statement: string;
  answers: { questionId: string; answer: string }[];
  waitlistRank: number | null;
  submittedAt: string;
  decidedAt: string | null;
}

export const myApplicationsQuery = queryOptions({
  queryKey: queryKeys.applications.mine,
  queryFn: () => unwrap<Application[]>(api.GET('/api/v1/me/applications')),
  // Decisions are made by others: read again whenever a screen shows them.
  staleTime: 0,
});
