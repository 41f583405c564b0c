import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { adminCohortQuery, type AdminCohort, waitlistQuery } from './admin-cohorts.queries';
import { SeatMeter } from './cohorts-admin-screen';
import { LifecycleActions } from './lifecycle-actions';
import { CohortEditForm } from './cohort-edit-form';
import { TraineeImport } from './trainee-import';
import { EnrolTraineeForm } from './enrol-trainee-form';
import { PrerequisiteWaivers } from './prerequisite-waivers';
import { useStatusLabel } from './status-labels';
import './admin-cohorts.css';

/** One cohort for programme staff: capacity and waitlist at a glance, its lifecycle, what may be edited, and a CSV import of trainees. */
export function CohortAdminScreen() {
  const { t } = useLingui();
  // Not strict: the admin branch is a pathless route (see outcomes' cohort screen).
  const { cohortId = '' } = useParams({ strict: false });
  const cohort = useQuery(adminCohortQuery(cohortId));
  return (
    <Screen
      title={cohort.data?.name ?? t`Cohort`}
      before={
        <Link to="/admin/cohorts" className="back-link">
          <Trans>All cohorts</Trans>
        </Link>
      }
    >
      <QueryView query={cohort}>{(c) => <CohortAdmin cohort={c} />}</QueryView>
    </Screen>
  );
}

function CohortAdmin({ cohort }: { cohort: AdminCohort }) {
  const { t } = useLingui();
  const format = useFormat();
  const statusLabel = useStatusLabel();
  const waitlist = useQuery(waitlistQuery(cohort.id));
  // The statuses the API enrols in (else 422 cohort-not-enrolling).
  const enrolling = ['planned', 'accepting_applications', 'running'].includes(cohort.status);
  const seatsLeft = Math.max(0, cohort.capacity - cohort.seatsTaken);
  const waiting = waitlist.data ? `${waitlist.data.count}${waitlist.data.more ? '+' : ''}` : '…';
  return (
    <>
      <dl className="facts">
        <dt>{t`Status`}</dt>
        <dd data-testid="cohort-status">{statusLabel(cohort.status)}</dd>
        <dt>{t`Seats taken`}</dt>
        <dd>
          <SeatMeter taken={cohort.seatsTaken} capacity={cohort.capacity} />
        </dd>
        <dt>{t`Seats left`}</dt>
        <dd>{seatsLeft}</dd>
        <dt>{t`On the waitlist`}</dt>
        <dd>{waiting}</dd>
        <dt>{t`Applications`}</dt>
        <dd>{t`${format.dateTime(cohort.applicationsOpenAt)} to ${format.dateTime(cohort.applicationsCloseAt)}`}</dd>
        <dt>{t`Runs`}</dt>
        <dd>{t`${format.date(cohort.startsAt)} to ${format.date(cohort.endsAt)}`}</dd>
        <dt>{t`Courses`}</dt>
        <dd>
          <ul className="choice-list">
            {cohort.courses.map((course) => (
              <li key={course.versionId}>{t`${course.title} (${course.trackCode}, version ${course.version})`}</li>
            ))}
          </ul>
        </dd>
        <dt>{t`Application questions`}</dt>
        <dd>
          {cohort.questions.length === 0 ? (
            t`None`
          ) : (
            <ol>
              {cohort.questions.map((question) => (
                <li key={question.id}>{question.required ? question.prompt : t`${question.prompt} (optional)`}</li>
              ))}
            </ol>
          )}
        </dd>
      </dl>
      <section className="section" aria-labelledby="lifecycle">
        <h2 id="lifecycle">
          <Trans>Next step</Trans>
        </h2>
        <LifecycleActions cohort={cohort} />
      </section>
      <section className="section" aria-labelledby="enrol">
        <h2 id="enrol">
          <Trans>Enrol a trainee</Trans>
        </h2>
        {enrolling ? <EnrolTraineeForm cohort={cohort} /> : <p>{t`This cohort takes no more enrollments.`}</p>}
      </section>
      <section className="section" aria-labelledby="import">
        <h2 id="import">
          <Trans>Import trainees from CSV</Trans>
        </h2>
        {enrolling ? (
          <TraineeImport cohortId={cohort.id} />
        ) : (
          <p>{t`This cohort takes no more enrollments.`}</p>
        )}
      </section>
      <section className="section" aria-labelledby="waivers">
        <h2 id="waivers">
          <Trans>Prerequisites waived</Trans>
        </h2>
        <PrerequisiteWaivers cohortId={cohort.id} />
      </section>
      <section className="section" aria-labelledby="edit">
        <h2 id="edit">
          <Trans>Edit</Trans>
        </h2>
        <CohortEditForm key={cohort.id} cohort={cohort} />
      </section>
    </>
  );
}
