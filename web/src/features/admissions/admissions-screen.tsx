import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { cohortsQuery, type Cohort } from '../../shared/api/resources/cohorts';

/** Cohorts that have or take applications: planned cohorts have none yet, archived ones are closed for good. */
const REVIEWABLE: Cohort['status'][] = ['accepting_applications', 'running', 'completed'];

/** Admissions, step one: the cohort whose applications to review (the API lists only the cohorts the person may see). */
export function AdmissionsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const cohorts = useQuery(cohortsQuery);
  return (
    <Screen title={t`Admissions`}>
      <p>
        <Trans>Choose a cohort to review, score and decide on its applications.</Trans>
      </p>
      <QueryView
        query={cohorts}
        isEmpty={(items) => !items.some((c) => REVIEWABLE.includes(c.status))}
        empty={<Trans>No cohort of yours has applications to review.</Trans>}
      >
        {(items) => (
          <ul className="card-list">
            {items
              .filter((c) => REVIEWABLE.includes(c.status))
              .map((cohort) => {
                const closes = format.date(cohort.applicationsCloseAt);
                const seatsLeft = Math.max(0, cohort.capacity - cohort.seatsTaken);
                const capacity = cohort.capacity;
                return (
                  <li key={cohort.id} className="card">
                    <h2 className="card-title">
                      <Link to="/admissions/$cohortId" params={{ cohortId: cohort.id }}>
                        {cohort.name}
                      </Link>
                    </h2>
                    <p className="meta">
                      {cohort.status === 'accepting_applications' ? <Trans>Taking applications until {closes}</Trans> : <Trans>Applications closed {closes}</Trans>}
                    </p>
                    <p>
                      <Trans>
                        Seats left: {seatsLeft} of {capacity}
                      </Trans>
                    </p>
                  </li>
                );
              })}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
