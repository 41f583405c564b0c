import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { session } from '../../shared/auth/session';
import { hasSomeRole } from '../../shared/auth/has-some-role';
import { teachCohortsQuery, teachCoursesQuery } from './teach.queries';
import { coursesOfTeacher, cohortsByCourse, teachingRole } from './my-courses';
import { useTeachLabels } from './teach-labels';
import './teach.css';

/** Screen 1: the courses the instructor edits (admins: all), drafts and published, with the cohorts that run them. */
export function MyCoursesScreen() {
  const { t } = useLingui();
  const labels = useTeachLabels();
  const user = session.user();
  const isAdmin = hasSomeRole(user?.roles, ['admin']);
  // Instructors: the courses they own or co-instruct; admins: every course.
  const courses = useQuery(teachCoursesQuery(!isAdmin));
  const cohorts = useQuery(teachCohortsQuery);
  return (
    <Screen title={t`Teaching`}>
      <div className="button-row">
        <Link to="/teach/new" className="button button-primary">
          <Trans>New course</Trans>
        </Link>
      </div>
      <QueryView
        query={courses}
        isEmpty={(items) => coursesOfTeacher(items).length === 0}
        empty={<Trans>No courses yet. Start one with “New course”.</Trans>}
      >
        {(items) => {
          const byCourse = cohortsByCourse(cohorts.data ?? []);
          return (
            <ul className="card-list">
              {coursesOfTeacher(items).map((course) => {
                const runs = byCourse.get(course.id) ?? [];
                const version = course.latestVersion;
                return (
                  <li key={course.id} className="card">
                    <h2 className="card-title">
                      <Link to="/teach/courses/$courseId" params={{ courseId: course.id }}>
                        {course.title}
                      </Link>
                    </h2>
                    <p className="meta">
                      {course.code} · {labels.track(course.trackCode)} · {labels.courseStatus(course.status)}
                      {version > 0 ? <> · <Trans>version {version} published</Trans></> : <> · <Trans>never published</Trans></>}
                      {!isAdmin && teachingRole(course, user?.id ?? '') === 'co-instructor' && (
                        <>
                          {' · '}
                          <Trans>you co-instruct</Trans>
                        </>
                      )}
                    </p>
                    {runs.length > 0 ? (
                      <ul className="teach-cohorts" aria-label={t`Cohorts running ${course.title}`}>
                        {runs.map(({ cohort, version: runVersion }) => (
                          <li key={cohort.id}>
                            <Trans>
                              {cohort.name}: version {runVersion}, {cohort.seatsTaken} of {cohort.capacity} seats
                            </Trans>{' '}
                            ({labels.cohortStatus(cohort.status)})
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="meta">
                        <Trans>No cohort runs this course yet.</Trans>
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryView>
    </Screen>
  );
}
