import { queryOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { downloadFile } from '../../shared/ui/download-file';
import type { CohortReport, CrossCohortReport } from './outcome.types';

export const crossCohortOutcomesQuery = queryOptions({
  queryKey: queryKeys.outcomes.all,
  queryFn: () => unwrap<CrossCohortReport>(api.GET('/api/v1/reports/outcomes', { params: { query: {} } }) as never),
});

export const cohortOutcomesQuery = (cohortId: string) =>
  queryOptions({
    queryKey: queryKeys.outcomes.cohort(cohortId),
    queryFn: () => unwrap<CohortReport>(api.GET('/api/v1/reports/cohorts/{id}/outcomes', { params: { path: { id: cohortId }, query: {} } }) as never),
  });

/** The same report as CSV (the server writes it: suppressed figures read "suppressed" there too), saved as a file. */
export function useOutcomesCsv(cohortId: string | null) {
  return useMutation({
    mutationFn: async () => {
      const call = cohortId
        ? api.GET('/api/v1/reports/cohorts/{id}/outcomes', { params: { path: { id: cohortId }, query: { format: 'csv' } }, parseAs: 'text' })
        : api.GET('/api/v1/reports/outcomes', { params: { query: { format: 'csv' } }, parseAs: 'text' });
      const text = await unwrap<string>(call as never);
      downloadFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), cohortId ? `cohort-${cohortId}-outcomes.csv` : 'outcomes.csv');
    },
  });
}
