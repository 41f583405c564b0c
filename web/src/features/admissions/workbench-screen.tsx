import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { Button } from '../../shared/ui/button';
import { downloadFile } from '../../shared/ui/download-file';
import { session } from '../../shared/auth/session';
import { cohortQuery } from '../../shared/api/resources/cohorts';
import { applicationsQuery, fetchShortlistCsv, quotasQuery, rubricQuery } from './admissions.queries';
import type { ApplicationFilters } from './application-filters';
import { ApplicationFiltersForm } from './application-filters-form';
import { ApplicationsTable } from './applications-table';
import { BulkDecision } from './bulk-decision';
import { SeatsSection } from './seats-section';
import { RubricSection } from './rubric-section';
import { workbenchRoute } from './routes';
import type { TrackCode } from './admissions.types';
import './admissions.css';

/** A cohort's applications: seats, search and filters, the sortable table, bulk decisions, the shortlist CSV and the rubric. */
export function WorkbenchScreen() {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate({ from: workbenchRoute.fullPath });
  const { cohortId } = workbenchRoute.useParams();
  const filters = workbenchRoute.useSearch();
  const isAdmin = session.user()?.roles.includes('admin') ?? false;
  const cohort = useQuery(cohortQuery(cohortId));
  const quotas = useQuery(quotasQuery(cohortId));
  const rubric = useQuery(rubricQuery(cohortId));
  const applications = useInfiniteQuery(applicationsQuery(cohortId, filters));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const cohortName = cohort.data?.name;
  const items = applications.data?.pages.flatMap((page) => page.items) ?? [];
  const setFilters = (next: ApplicationFilters) => void navigate({ search: next, replace: true });
  const download = useMutation({
    mutationFn: async () => downloadFile(await fetchShortlistCsv(cohortId), `shortlist-${cohort.data?.name.replace(/[^\w-]+/g, '-').toLowerCase() ?? cohortId}.csv`),
  });
  const tracks = [...new Set(cohort.data?.courses.map((c) => c.trackCode as TrackCode) ?? [])];
  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  };
  return (
    <Screen
      title={cohortName ? t`Admissions: ${cohortName}` : t`Admissions`}
      before={
        <Link to="/admissions" className="back-link">
          <Trans>All cohorts</Trans>
        </Link>
      }
    >
      <QueryView query={quotas} lines={2}>
        {(q) => <SeatsSection cohortId={cohortId} quotas={q} canEdit={isAdmin} />}
      </QueryView>
      <section className="section" aria-labelledby="applications-title">
        <h2 id="applications-title">
          <Trans>Applications</Trans>
        </h2>
        <ApplicationFiltersForm filters={filters} tracks={tracks} onChange={setFilters} />
        <QueryView
          query={applications}
          isEmpty={(data) => data.pages[0].items.length === 0}
          empty={<Trans>No application matches.</Trans>}
          lines={6}
        >
          {() => (
            <>
              <ApplicationsTable items={items} sort={filters.sort} onSort={(sort) => setFilters({ ...filters, sort })} selected={selected} onSelect={select} />
              {applications.hasNextPage && (
                <Button variant="secondary" isPending={applications.isFetchingNextPage} onClick={() => void applications.fetchNextPage()}>
                  <Trans>Show more applications</Trans>
                </Button>
              )}
            </>
          )}
        </QueryView>
      </section>
      <BulkDecision cohortId={cohortId} selected={items.filter((a) => selected.has(a.id))} quotas={quotas.data} onDecided={() => setSelected(new Set())} />
      <section className="section" aria-labelledby="shortlist-title">
        <h2 id="shortlist-title">
          <Trans>Shortlist</Trans>
        </h2>
        <p>
          <Trans>Every shortlisted application of this cohort, with scores and ranks, as a CSV file.</Trans>
        </p>
        <div className="button-row">
          <Button variant="secondary" onClick={() => setFilters({ ...filters, status: 'shortlisted' })}>
            <Trans>Show the shortlist</Trans>
          </Button>
          <Button variant="secondary" isPending={download.isPending} onClick={() => download.mutate()}>
            <Trans>Download the shortlist (CSV)</Trans>
          </Button>
        </div>
        <FormAlert message={download.isError ? errorMessage(download.error) : undefined} />
      </section>
      <QueryView query={rubric} lines={3}>
        {(r) => <RubricSection key={String(r.locked)} cohortId={cohortId} rubric={r} canEdit={isAdmin} />}
      </QueryView>
    </Screen>
  );
}
