import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { acceptsApplications, cohortQuery } from '../../shared/api/resources/cohorts';
import { myApplicationsQuery } from '../../shared/api/resources/applications';
import { ApplyForm } from './apply-form';
import { ApplicationStatusText } from './application-status';
import { CoursePrerequisites, meetsSomeCourse } from './course-prerequisites';

export function CohortScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const { cohortId } = useParams({ from: '/signed-in/cohorts/$cohortId' });
  const cohort = useQuery(cohortQuery(cohortId));
  const applications = useQuery(myApplicationsQuery);
  const mine = applications.data?.find((a) => a.cohortId === cohortId && a.status !== 'withdrawn');
  return (
    <Screen
      title={cohort.data?.name ?? t`Cohort`}
      before={
        <Link to="/cohorts" className="back-link">
          <Trans>All cohorts</Trans>
        </Link>
      }
    >
      <QueryView query={cohort} lines={6}>
        {(c) => {
          const starts = format.date(c.startsAt);
          const ends = format.date(c.endsAt);
          const closes = format.date(c.applicationsCloseAt);
          return (
            <>
              <p>
                <Trans>
                  From {starts} to {ends}. Applications close {closes}.
                </Trans>
              </p>
              <h2>
                <Trans>Courses</Trans>
              </h2>
              <ul>
                {c.courses.map((course) => (
                  <li key={course.versionId}>
                    {course.title}
                    <CoursePrerequisites course={course} />
                  </li>
                ))}
              </ul>
              {mine ? (
                <div className="card">
                  <p>
                    <ApplicationStatusText application={mine} />
                  </p>
                  <Link to="/applications/$applicationId" params={{ applicationId: mine.id }}>
                    <Trans>See your application</Trans>
                  </Link>
                </div>
              ) : applications.isSuccess && acceptsApplications(c) && !meetsSomeCourse(c) ? (
                <p className="notice">
                  <Trans>You can apply once you have completed the courses listed above.</Trans>
                </p>
              ) : applications.isSuccess && acceptsApplications(c) ? (
                <section aria-labelledby="apply-heading">
                  <h2 id="apply-heading">
                    <Trans>Apply</Trans>
                  </h2>
                  <ApplyForm cohort={c} />
                </section>
              ) : (
                !applications.isPending && (
                  <p className="notice">
                    <Trans>This cohort is not taking applications now.</Trans>
                  </p>
                )
              )}
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}
