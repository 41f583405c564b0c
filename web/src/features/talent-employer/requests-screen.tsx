import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { requestsQuery } from './talent.queries';
import { useTalentLabels } from './talent-labels';
import { TalentNav } from './talent-nav';
import './talent-employer.css';

/** The organisation's interview requests, newest first: whether the candidate answered, and the latest stage recorded. */
export function RequestsScreen() {
  const { t } = useLingui();
  const labels = useTalentLabels();
  const format = useFormat();
  const requests = useQuery(requestsQuery);
  return (
    <Screen title={t`Interview requests`} before={<TalentNav />}>
      <QueryView
        query={requests}
        isEmpty={(items) => items.length === 0}
        empty={<Trans>No interview request yet. Send one from a shortlist.</Trans>}
        lines={6}
      >
        {(items) => (
          <div className="table-scroll table-scroll--spaced" tabIndex={0} role="region" aria-label={t`Interview requests`}>
            <table className="data-table data-table--flush data-table--labelled">
              <thead>
                <tr>
                  <th scope="col">{t`Candidate`}</th>
                  <th scope="col">{t`Role`}</th>
                  <th scope="col">{t`Sent`}</th>
                  <th scope="col">{t`Answer`}</th>
                  <th scope="col">{t`Stage`}</th>
                </tr>
              </thead>
              <tbody>
                {[...items]
                  .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                  .map((request) => (
                    <tr key={request.id}>
                      <th scope="row">
                        <Link to="/talent/requests/$requestId" params={{ requestId: request.id }}>
                          {/* A candidate who withdrew is no longer named to employers. */}
                          {request.displayName || t`A candidate no longer listed`}
                        </Link>
                      </th>
                      <td>{request.roleTitle}</td>
                      <td>{format.date(request.createdAt)}</td>
                      <td>{labels.state[request.state]}</td>
                      <td>{request.stage ? labels.stage[request.stage] : '–'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </Screen>
  );
}
