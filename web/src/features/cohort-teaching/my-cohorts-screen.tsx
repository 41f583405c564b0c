import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { cohortsQuery, type Cohort } from '../../shared/api/resources/cohorts';
import './cohort-teaching.css';
import { session } from '../../shared/auth/session';

/** The cohorts this person teaches (an admin: every cohort), each opening its roster, review queue and gradebook. */
export function MyCohortsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const cohorts = useQuery(cohortsQuery);
  const user = session.user();
  const mine = (all: Cohort[]) =>
    all.filter((c) => user?.roles.includes('admin') || ((c as Cohort & { instructorIds?: string[] }).instructorIds ?? []).includes(user?.id ?? ''));
  return (
    <Screen title={t`My cohorts`}>
      <QueryView query={cohorts} isEmpty={(all) => mine(all).length === 0} empty={<Trans>You teach no cohort yet.</Trans>}>
        {(all) => (
          <ul className="card-list">
            {mine(all).map((c) => {
              const starts = format.date(c.startsAt);
              const ends = format.date(c.endsAt);
              return (
                <li key={c.id} className="card">
                  <h2 className="card-title">
                    <Link to="/cohort-teaching/$cohortId" params={{ cohortId: c.id }}>
                      {c.name}
                    </Link>
                  </h2>
                  <p>
                    <Trans>
                      From {starts} to {ends}
                    </Trans>
                  </p>
                  <p>{c.courses.map((course) => course.title).join(', ')}</p>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
