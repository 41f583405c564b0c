import { useNavigate } from '@tanstack/react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { searchQuery } from './talent.queries';
import { parseSearchFilters, toSearchQuery, type SearchFilters } from './search-filters';
import { SearchFiltersForm } from './search-filters-form';
import { CandidateCard } from './candidate-card';
import { TalentNav } from './talent-nav';
import { searchRoute } from './routes';
import './talent-employer.css';

/** Find candidates: listed graduates filtered by track, skills, certificate and availability, best skill match first. */
export function SearchScreen() {
  const { t } = useLingui();
  const navigate = useNavigate({ from: searchRoute.fullPath });
  // What the API would refuse (a hand-edited address) is dropped here, never sent.
  const filters = parseSearchFilters(searchRoute.useSearch());
  const results = useInfiniteQuery(searchQuery(filters));
  const query = toSearchQuery(filters);
  const asked = [...new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])])];
  const setFilters = (next: SearchFilters) => void navigate({ search: next, replace: true });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Screen title={t`Find candidates`} before={<TalentNav />}>
      <p>
        <Trans>Graduates who chose to be listed, with the skills their passed assessments prove.</Trans>
      </p>
      <SearchFiltersForm filters={filters} onChange={setFilters} />
      <section className="section" aria-labelledby="results-title">
        <h2 id="results-title">
          <Trans>Candidates</Trans>
        </h2>
        <QueryView
          query={results}
          isEmpty={(data) => data.pages[0].items.length === 0}
          empty={<Trans>No listed candidate matches these filters. Ask for fewer skills, or clear a filter.</Trans>}
          lines={6}
        >
          {() => (
            <>
              <p role="status" className="meta">
                <Plural value={items.length} one="# candidate shown, best skill match first" other="# candidates shown, best skill match first" />
              </p>
              <ul className="card-list">
                {items.map((candidate) => (
                  <CandidateCard key={candidate.traineeId} candidate={candidate} asked={asked} />
                ))}
              </ul>
              {results.hasNextPage && (
                <Button variant="secondary" isPending={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                  <Trans>Show more candidates</Trans>
                </Button>
              )}
            </>
          )}
        </QueryView>
      </section>
    </Screen>
  );
}
