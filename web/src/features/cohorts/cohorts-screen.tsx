import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { acceptsApplications, cohortsQuery } from '../../shared/api/resources/cohorts';
import { myApplicationsQuery } from '../../shared/api/resources/applications';
import { ApplicationStatusText } from './application-status';

/** Cohorts open for applications (and the trainee's own), with the trainee's applications first. */
export function CohortsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const cohorts = useQuery(cohortsQuery);
  const applications = useQuery(myApplicationsQuery);
  return (
    <Screen title={t`Cohorts`}>
      <section className="section" aria-labelledby="my-applications">
        <h2 id="my-applications">
          <Trans>Your applications</Trans>
        </h2>
        <QueryView query={applications} isEmpty={(items) => items.length === 0} empty={<Trans>You have not applied to a cohort yet.</Trans>} lines={2}>
          {(items) => (
            <ul className="card-list">
              {items.map((application) => {
                const cohort = cohorts.data?.find((c) => c.id === application.cohortId);
                return (
                  <li key={application.id} className="card">
                    <h3 className="card-title">
                      <Link to="/applications/$applicationId" params={{ applicationId: application.id }}>
                        {cohort?.name ?? t`Your application`}
                      </Link>
                    </h3>
                    <p>
                      <ApplicationStatusText application={application} />
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </QueryView>
      </section>
      <section className="section" aria-labelledby="open-cohorts">
        <h2 id="open-cohorts">
          <Trans>Open for applications</Trans>
        </h2>
        <QueryView
          query={cohorts}
          isEmpty={(items) => !items.some((c) => acceptsApplications(c))}
          empty={<Trans>No cohort is taking applications right now. Check back soon.</Trans>}
        >
          {(items) => (
            <ul className="card-list">
              {items
                .filter((c) => acceptsApplications(c))
                .map((cohort) => {
                  const closes = format.date(cohort.applicationsCloseAt);
                  const starts = format.date(cohort.startsAt);
                  const seats = cohort.capacity - cohort.seatsTaken;
                  return (
                    <li key={cohort.id} className="card">
                      <h3 className="card-title">
                        <Link to="/cohorts/$cohortId" params={{ cohortId: cohort.id }}>
                          {cohort.name}
                        </Link>
                      </h3>
                      <p className="meta">
                        <Trans>
                          Starts {starts} · applications close {closes} · {seats} seats left
                        </Trans>
                      </p>
                      <p>{cohort.courses.map((c) => c.title).join(' · ')}</p>
                      {cohort.courses.some((c) => !c.prerequisitesMet) && (
                        <p className="meta">
                          {cohort.courses.every((c) => !c.prerequisitesMet) ? (
                            <Trans>Needs courses you have not completed yet</Trans>
                          ) : (
                            <Trans>Some courses need others you have not completed yet</Trans>
                          )}
                        </p>
                      )}
                    </li>
                  );
                })}
            </ul>
          )}
        </QueryView>
      </section>
    </Screen>
  );
}
