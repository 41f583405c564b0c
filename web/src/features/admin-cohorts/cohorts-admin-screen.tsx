import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { ProgrammeNav } from '../../shared/layout/programme-nav';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { adminCohortsQuery } from './admin-cohorts.queries';
import { useStatusLabel } from './status-labels';
import './admin-cohorts.css';

/** Every cohort for programme staff: status, seats taken of capacity, dates; the way to a new one. */
export function CohortsAdminScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const statusLabel = useStatusLabel();
  const cohorts = useQuery(adminCohortsQuery);
  return (
    <Screen title={t`Manage cohorts`} before={<ProgrammeNav />}>
      <p>
        <Link to="/admin/cohorts/new" className="button">
          <Trans>New cohort</Trans>
        </Link>
      </p>
      <QueryView query={cohorts} isEmpty={(items) => items.length === 0} empty={<Trans>No cohorts yet.</Trans>}>
        {(items) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Cohorts`}>
            <table className="data-table">
              <caption className="visually-hidden">{t`Cohorts`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Cohort`}</th>
                  <th scope="col">{t`Status`}</th>
                  <th scope="col">{t`Seats taken`}</th>
                  <th scope="col">{t`Starts`}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((cohort) => (
                  <tr key={cohort.id}>
                    <th scope="row">
                      <Link to="/admin/cohorts/$cohortId" params={{ cohortId: cohort.id }}>
                        {cohort.name}
                      </Link>
                    </th>
                    <td>{statusLabel(cohort.status)}</td>
                    <td>
                      <SeatMeter taken={cohort.seatsTaken} capacity={cohort.capacity} />
                    </td>
                    <td>{format.date(cohort.startsAt)}</td>
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

/** "12 of 30" with a bar; full cohorts say so. */
export function SeatMeter({ taken, capacity }: { taken: number; capacity: number }) {
  const { t } = useLingui();
  const share = capacity > 0 ? Math.min(100, (taken / capacity) * 100) : 0;
  return (
    <span className="seat-meter">
      <span>{taken >= capacity ? t`${taken} of ${capacity} (full)` : t`${taken} of ${capacity}`}</span>
      <span className="seat-meter-track" aria-hidden="true">
        <span className="seat-meter-bar" style={{ width: `${share}%` }} />
      </span>
    </span>
  );
}
