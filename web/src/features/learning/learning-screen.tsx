import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { enrollmentsQuery } from '../../shared/api/resources/enrollments';
import { ProgressBar } from '../../shared/ui/progress-bar';

/** The trainee's courses (one per enrollment), each with its progress. */
export function LearningScreen() {
  const { t } = useLingui();
  const enrollments = useQuery(enrollmentsQuery);
  return (
    <Screen title={t`Your learning`}>
      <QueryView
        query={enrollments}
        isEmpty={(items) => items.length === 0}
        empty={
          <>
            <Trans>You are not enrolled in a course yet.</Trans>{' '}
            <Link to="/cohorts">
              <Trans>See the cohorts open for applications</Trans>
            </Link>
          </>
        }
      >
        {(items) => (
          <ul className="card-list">
            {items.map((enrollment) => (
              <li key={enrollment.id} className="card">
                <h2 className="card-title">
                  <Link to="/learning/$enrollmentId" params={{ enrollmentId: enrollment.id }}>
                    {enrollment.course.title}
                  </Link>
                </h2>
                <p className="meta">{enrollment.cohort.name}</p>
                <ProgressBar value={enrollment.percentComplete} label={t`Progress in ${enrollment.course.title}`} />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
