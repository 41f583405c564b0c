import { useInfiniteQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { CareersTabs } from './careers-tabs';
import { interviewRequestsQuery } from './careers.queries';
import { InterviewRequestCard } from './interview-request-card';
import './careers.css';

/** Interview requests employers sent: the role, the organisation, their message, and the answer. */
export function InterviewRequestsScreen() {
  const { t } = useLingui();
  const requests = useInfiniteQuery(interviewRequestsQuery);
  return (
    <Screen title={t`Interview requests`}>
      <CareersTabs />
      <QueryView
        query={requests}
        isEmpty={(data) => data.pages[0].items.length === 0}
        empty={<Trans>No interview request yet. Employers who want to meet you send one here.</Trans>}
      >
        {(data) => (
          <>
            <ul className="card-list">
              {data.pages.flatMap((page) => page.items).map((request) => (
                <li key={request.id}>
                  <InterviewRequestCard request={request} />
                </li>
              ))}
            </ul>
            {requests.hasNextPage && (
              <Button variant="secondary" isPending={requests.isFetchingNextPage} onClick={() => void requests.fetchNextPage()}>
                <Trans>Show more</Trans>
              </Button>
            )}
          </>
        )}
      </QueryView>
    </Screen>
  );
}
