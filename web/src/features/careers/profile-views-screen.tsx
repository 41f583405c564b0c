import { useInfiniteQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { CareersTabs } from './careers-tabs';
import { profileViewsQuery } from './careers.queries';
import { useCareersTime } from './use-careers-time';
import './careers.css';

/** Which organisations opened the profile and when, newest first (every employer read is logged). */
export function ProfileViewsScreen() {
  const { t } = useLingui();
  const views = useInfiniteQuery(profileViewsQuery);
  const time = useCareersTime();
  return (
    <Screen title={t`Who viewed your profile`}>
      <CareersTabs />
      <QueryView
        query={views}
        isEmpty={(data) => data.pages[0].items.length === 0}
        empty={<Trans>No employer has opened your profile yet.</Trans>}
      >
        {(data) => (
          <>
            <ul className="card-list">
              {data.pages.flatMap((page) => page.items).map((view) => {
                const viewedAt = time.moment(view.viewedAt);
                return (
                  <li key={view.id} className="card">
                    <h2 className="card-title">{view.organisationName}</h2>
                    <p className="meta">
                      <Trans>Viewed {viewedAt}</Trans>
                    </p>
                  </li>
                );
              })}
            </ul>
            {views.hasNextPage && (
              <Button variant="secondary" isPending={views.isFetchingNextPage} onClick={() => void views.fetchNextPage()}>
                <Trans>Show more</Trans>
              </Button>
            )}
          </>
        )}
      </QueryView>
    </Screen>
  );
}
