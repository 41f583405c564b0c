import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { fairsQuery } from './talent.queries';
import { TalentNav } from './talent-nav';
import './talent-employer.css';

/** The career fairs the employer's organisation takes part in, soonest first. */
export function FairsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const fairs = useQuery(fairsQuery);
  return (
    <Screen title={t`Career fairs`} before={<TalentNav />}>
      <QueryView
        query={fairs}
        isEmpty={(items) => items.length === 0}
        empty={<Trans>Your organisation takes part in no career fair yet. The programme's staff add participating employers to a fair.</Trans>}
        lines={4}
      >
        {(items) => (
          <ul className="card-list">
            {items.map((fair) => {
              const from = format.dateTime(fair.startsAt);
              const to = format.dateTime(fair.endsAt);
              return (
                <li key={fair.id} className="card">
                  <h2 className="card-title">
                    <Link to="/talent/fairs/$fairId" params={{ fairId: fair.id }}>
                      {fair.name}
                    </Link>
                  </h2>
                  <p className="meta">
                    <Trans>
                      {from} to {to}
                    </Trans>
                  </p>
                  {fair.place && <p>{fair.place}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
