import { Link, useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { useFormat } from '../../shared/i18n/use-format';
import { cohortQuery } from '../../shared/api/resources/cohorts';
import type { Application } from '../../shared/api/resources/applications';
import { ApplicationStatusText } from './application-status';

const WITHDRAWABLE: Application['status'][] = ['submitted', 'shortlisted', 'waitlisted'];

/** One application: its status, what was sent, and withdrawal while it is still undecided or waitlisted. */
export function ApplicationScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const { applicationId } = useParams({ from: '/signed-in/applications/$applicationId' });
  const application = useQuery({
    queryKey: queryKeys.applications.detail(applicationId),
    queryFn: () => unwrap<Application>(api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } })),
  });
  const cohort = useQuery({ ...cohortQuery(application.data?.cohortId ?? ''), enabled: !!application.data });
  const withdraw = useMutation({
    mutationFn: () => unwrap<Application>(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: applicationId } } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.applications.detail(applicationId), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.applications.mine });
    },
  });
  return (
    <Screen
      title={cohort.data ? t`Application to ${cohort.data.name}` : t`Your application`}
      before={
        <Link to="/cohorts" className="back-link">
          <Trans>All cohorts</Trans>
        </Link>
      }
    >
      <QueryView query={application} lines={5}>
        {(a) => {
          const sent = format.dateTime(a.submittedAt);
          const course = cohort.data?.courses.find((c) => c.versionId === a.courseVersionId);
          return (
            <>
              <p className="status-line" role="status">
                <ApplicationStatusText application={a} />
              </p>
              <p className="meta">
                <Trans>Sent {sent}</Trans>
                {course && <> · {course.title}</>}
              </p>
              <h2>
                <Trans>What you sent</Trans>
              </h2>
              <dl className="answers">
                <dt>
                  <Trans>Why you want to join</Trans>
                </dt>
                <dd>{a.statement}</dd>
                {a.answers.map((answer) => (
                  <div key={answer.questionId}>
                    <dt>{cohort.data?.questions.find((q) => q.id === answer.questionId)?.prompt ?? answer.questionId}</dt>
                    <dd>{answer.answer}</dd>
                  </div>
                ))}
              </dl>
              <FormAlert message={withdraw.isError ? errorMessage(withdraw.error) : undefined} />
              {WITHDRAWABLE.includes(a.status) && (
                <ConfirmDialog
                  trigger={t`Withdraw my application`}
                  title={t`Withdraw your application?`}
                  confirm={t`Yes, withdraw`}
                  cancel={t`Keep my application`}
                  onConfirm={() => withdraw.mutate()}
                >
                  <p>
                    <Trans>You can apply again while applications are open.</Trans>
                  </p>
                </ConfirmDialog>
              )}
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}
