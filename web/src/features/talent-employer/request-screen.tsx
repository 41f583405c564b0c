import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { recordOutcome, requestQuery, talentKeys } from './talent.queries';
import { nextStages } from './outcome-steps';
import { useTalentLabels } from './talent-labels';
import { TalentNav } from './talent-nav';
import { requestRoute } from './routes';
import type { InterviewRequest, OutcomeStage } from './talent.types';
import './talent-employer.css';

/** One interview request: the candidate's answer, the stages recorded, and the next ones the employer may record. */
export function RequestScreen() {
  const { t } = useLingui();
  const { requestId } = requestRoute.useParams();
  const request = useQuery(requestQuery(requestId));
  const name = request.data?.displayName || t`A candidate no longer listed`;
  const role = request.data?.roleTitle ?? '';
  return (
    <Screen title={request.data ? t`${name}: ${role}` : t`Interview request`} before={<TalentNav />}>
      <QueryView query={request} lines={6}>
        {(data) => (
          <>
            <RequestFacts request={data} />
            <OutcomesSection request={data} />
          </>
        )}
      </QueryView>
    </Screen>
  );
}

function RequestFacts({ request }: { request: InterviewRequest }) {
  const { t } = useLingui();
  const labels = useTalentLabels();
  const format = useFormat();
  return (
    <section className="section" aria-labelledby="request-title">
      <h2 id="request-title">
        <Trans>The request</Trans>
      </h2>
      <dl className="facts">
        <dt>{t`Role`}</dt>
        <dd>{request.roleTitle}</dd>
        <dt>{t`Sent`}</dt>
        <dd>{format.dateTime(request.createdAt)}</dd>
        <dt>{t`Answer`}</dt>
        <dd data-state={request.state}>
          {labels.state[request.state]}
          {request.answeredAt && ` (${format.dateTime(request.answeredAt)})`}
        </dd>
        <dt>{t`Message`}</dt>
        <dd className="talent-message">{request.message || t`No message`}</dd>
      </dl>
      {request.state === 'accepted' && request.displayName && (
        <p>
          <Link to="/talent/candidates/$traineeId" params={{ traineeId: request.traineeId }}>
            <Trans>See {request.displayName}’s profile and contact details</Trans>
          </Link>
        </p>
      )}
    </section>
  );
}

function OutcomesSection({ request }: { request: InterviewRequest }) {
  const { t } = useLingui();
  const labels = useTalentLabels();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (stage: OutcomeStage) => recordOutcome(request.id, stage),
    onSuccess: (updated) => {
      queryClient.setQueryData(talentKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: talentKeys.requests, exact: true });
    },
  });
  const next = nextStages(request);
  const name = request.displayName || t`the candidate`;
  const confirmText: Record<OutcomeStage, { trigger: string; title: string; body: string }> = {
    interviewed: { trigger: t`Record: interviewed`, title: t`Record that you interviewed ${name}?`, body: t`Next you can record an offer, or that it ended.` },
    offered: { trigger: t`Record: offered`, title: t`Record that you offered ${name} the role?`, body: t`Next you can record the hire, or that it ended.` },
    hired: {
      trigger: t`Record: hired`,
      title: t`Record that you hired ${name}?`,
      body: t`This is final. It becomes a placement confirmed by your organisation, counted in the programme's outcome reports, with follow-ups at 3 and 6 months.`,
    },
    declined: { trigger: t`Record: declined`, title: t`Record that it ended without a hire?`, body: t`This is final: no later stage can be recorded.` },
  };
  return (
    <section className="section" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">
        <Trans>Outcome</Trans>
      </h2>
      {request.outcomes.length === 0 ? (
        <p>
          <Trans>No stage recorded yet.</Trans>
        </p>
      ) : (
        <ol className="talent-stages">
          {request.outcomes.map((outcome) => (
            <li key={outcome.stage} data-stage={outcome.stage}>
              {labels.stage[outcome.stage]} · {format.dateTime(outcome.recordedAt)}
            </li>
          ))}
        </ol>
      )}
      {request.state === 'pending' && (
        <p>
          <Trans>Stages can be recorded once the candidate accepts.</Trans>
        </p>
      )}
      {next.length > 0 && (
        <div className="button-row">
          {next.map((stage) => (
            <ConfirmDialog
              key={stage}
              trigger={confirmText[stage].trigger}
              title={confirmText[stage].title}
              confirm={t`Yes, record it`}
              cancel={t`Cancel`}
              variant={stage === 'declined' ? 'danger' : 'primary'}
              onConfirm={() => record.mutate(stage)}
            >
              <p>{confirmText[stage].body}</p>
            </ConfirmDialog>
          ))}
        </div>
      )}
      <div role="status">{record.isSuccess && <p>{t`Recorded: ${labels.stage[record.variables]}.`}</p>}</div>
      <FormAlert message={record.isError ? errorMessage(record.error) : undefined} />
    </section>
  );
}
