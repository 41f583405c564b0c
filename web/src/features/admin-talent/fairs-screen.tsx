import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { ProgrammeNav } from '../../shared/layout/programme-nav';
import { QueryView } from '../../shared/states/query-view';
import { fairsQuery } from './admin-talent.queries';
import { isoToWallClock, PROGRAMME_TIME_ZONE } from './fair-times';
import './admin-talent.css';

/** Every career fair, by start (in the programme's zone), and the way to a new one. */
export function FairsScreen() {
  const { t } = useLingui();
  const fairs = useQuery(fairsQuery);
  return (
    <Screen title={t`Career fairs`} before={<ProgrammeNav />}>
      <p>
        <Link to="/admin/career-fairs/new" className="button">
          <Trans>New career fair</Trans>
        </Link>
      </p>
      <QueryView query={fairs} isEmpty={(items) => items.length === 0} empty={<Trans>No career fairs yet.</Trans>}>
        {(items) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Career fairs`}>
            <table className="data-table">
              <caption className="visually-hidden">{t`Career fairs`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Fair`}</th>
                  <th scope="col">{t`Starts (${PROGRAMME_TIME_ZONE})`}</th>
                  <th scope="col">{t`Where`}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((fair) => (
                  <tr key={fair.id}>
                    <th scope="row">
                      <Link to="/admin/career-fairs/$fairId" params={{ fairId: fair.id }}>
                        {fair.name}
                      </Link>
                    </th>
                    <td>{isoToWallClock(fair.startsAt, PROGRAMME_TIME_ZONE)}</td>
                    <td>{[fair.place, fair.onlineUrl ? t`online` : null].filter(Boolean).join(' · ')}</td>
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
