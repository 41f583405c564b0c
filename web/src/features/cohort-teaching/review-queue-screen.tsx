import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { cohortQuery } from '../../shared/api/resources/cohorts';
import { SelectField } from '../../shared/ui/select-field';
import { reviewQueueQuery } from './cohort-teaching.queries';
import { CohortTabs } from './cohort-tabs';
import { reviewQueueRoute } from './routes';
import './cohort-teaching.css';

/** Screen 7, the list: work waiting for an instructor, oldest first, by course version and assessment. */
export function ReviewQueueScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const { cohortId } = reviewQueueRoute.useParams();
  const cohort = useQuery(cohortQuery(cohortId));
  const [courseVersionId, setCourseVersionId] = useState('');
  const [assessmentId, setAssessmentId] = useState('');
  // The assessment choices come from the queue of the chosen version, before the assessment filter.
  const ofVersion = useQuery(reviewQueueQuery(cohortId, courseVersionId, ''));
  const queue = useQuery(reviewQueueQuery(cohortId, courseVersionId, assessmentId));
  const assessments = [...new Map((ofVersion.data?.items ?? []).map((i) => [i.assessmentId, i.assessmentTitle])).entries()];
  return (
    <Screen
      title={t`Review queue`}
      before={
        <Link to="/cohort-teaching" className="back-link">
          <Trans>My cohorts</Trans>
        </Link>
      }
    >
      <p>{cohort.data?.name}</p>
      <CohortTabs cohortId={cohortId} />
      <div className="filter-row" role="group" aria-label={t`Filters`}>
        <SelectField
          name="courseVersionId"
          label={t`Course`}
          value={courseVersionId}
          onChange={(e) => {
            setCourseVersionId(e.target.value);
            setAssessmentId('');
          }}
        >
          <option value="">{t`Every course`}</option>
          {(cohort.data?.courses ?? []).map((c) => (
            <option key={c.versionId} value={c.versionId}>
              {t`${c.title} (version ${c.version})`}
            </option>
          ))}
        </SelectField>
        <SelectField name="assessmentId" label={t`Assessment`} value={assessmentId} onChange={(e) => setAssessmentId(e.target.value)}>
          <option value="">{t`Every assessment`}</option>
          {assessments.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView query={queue} lines={5} isEmpty={(page) => page.items.length === 0} empty={<Trans>Nothing is waiting for review.</Trans>}>
        {(page) => (
          <ol className="queue-list">
            {page.items.map((item) => {
              const who = item.traineeDisplayName ?? t`A trainee`;
              const when = format.dateTime(item.submittedAt);
              return (
                <li key={item.id} className="card">
                  <Link to="/cohort-teaching/$cohortId/submissions/$submissionId" params={{ cohortId, submissionId: item.id }}>
                    {t`${item.assessmentTitle} by ${who}`}
                  </Link>
                  <p>
                    <Trans>Submitted {when}</Trans>
                    {item.lateDays > 0 && (
                      <>
                        {' · '}
                        <span className="late-flag">
                          <Trans>{item.lateDays} days late</Trans>
                        </span>
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </QueryView>
    </Screen>
  );
}
