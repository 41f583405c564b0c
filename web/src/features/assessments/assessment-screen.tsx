import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import type { AssessmentView } from './assessment.types';

/** The assessment's facts; the editors for each kind come with issue 14's assessment part (see README.md here). */
export function AssessmentScreen() {
  const { t } = useLingui();
  const { assessmentId } = useParams({ from: '/signed-in/assessments/$assessmentId' });
  const assessment = useQuery({
    queryKey: queryKeys.assessments.detail(assessmentId),
    queryFn: () => unwrap<AssessmentView>(api.GET('/api/v1/assessments/{id}', { params: { path: { id: assessmentId } } })),
  });
  return (
    <Screen title={assessment.data?.title ?? t`Assessment`}>
      <QueryView query={assessment}>
        {(a) => (
          <>
            <dl className="facts">
              <dt>
                <Trans>To pass</Trans>
              </dt>
              <dd>
                {a.passMark} / {a.maxScore}
              </dd>
              <dt>
                <Trans>Attempts</Trans>
              </dt>
              <dd>{a.attemptsAllowed ?? <Trans>Unlimited</Trans>}</dd>
              {a.timeLimitMinutes && (
                <>
                  <dt>
                    <Trans>Time limit</Trans>
                  </dt>
                  <dd>
                    <Trans>{a.timeLimitMinutes} minutes</Trans>
                  </dd>
                </>
              )}
              <dt>
                <Trans>Late work</Trans>
              </dt>
              <dd>{a.latePolicy === 'refuse' ? <Trans>Not accepted after the due date</Trans> : <Trans>Accepted with {a.latePenaltyPercentPerDay}% off per day late</Trans>}</dd>
            </dl>
            <p className="notice">
              <Trans>Answering this assessment in the web app is coming soon.</Trans>
            </p>
          </>
        )}
      </QueryView>
    </Screen>
  );
}
