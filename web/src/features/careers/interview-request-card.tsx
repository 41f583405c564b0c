import { useRef } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useAnswerRequest } from './careers.queries';
import { careersErrorText } from './careers-problems';
import { stageLabels } from './careers-labels';
import { useCareersTime } from './use-careers-time';
import type { InterviewRequest } from './careers.types';

/** One request: what it is, and either the answer buttons or what the answer was. */
export function InterviewRequestCard({ request }: { request: InterviewRequest }) {
  const { t } = useLingui();
  const time = useCareersTime();
  const answer = useAnswerRequest();
  const organisation = request.organisationName;
  const role = request.roleTitle;
  const received = time.moment(request.createdAt);
  const headingId = `request-${request.id}`;
  // The answer buttons leave the card once answered: focus goes to its heading, then reads the new state.
  const heading = useRef<HTMLHeadingElement>(null);
  const send = (choice: 'accept' | 'decline') => answer.mutate({ id: request.id, answer: choice }, { onSettled: () => heading.current?.focus() });
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 className="card-title" id={headingId} ref={heading} tabIndex={-1}>
        <Trans>
          {role} at {organisation}
        </Trans>
      </h2>
      <p className="meta">
        <Trans>Received {received}</Trans>
      </p>
      {request.message && <p className="answers">{request.message}</p>}
      <FormAlert message={answer.isError ? careersErrorText(answer.error) : undefined} />
      {request.state === 'pending' ? (
        <div className="button-row">
          <ConfirmDialog
            variant="primary"
            trigger={t`Accept`}
            title={t`Accept the interview with ${organisation}?`}
            confirm={t`Accept and share my email`}
            cancel={t`Not now`}
            onConfirm={() => send('accept')}
          >
            <p>
              <Trans>
                {organisation} receives your email address to arrange the interview for {role}. Only {organisation} receives it: no other organisation sees your
                contact details.
              </Trans>
            </p>
          </ConfirmDialog>
          <Button variant="secondary" isPending={answer.isPending} onClick={() => send('decline')}>
            <Trans>Decline</Trans>
          </Button>
        </div>
      ) : (
        <AnswerState request={request} />
      )}
    </article>
  );
}

function AnswerState({ request }: { request: InterviewRequest }) {
  const time = useCareersTime();
  const organisation = request.organisationName;
  const answered = request.answeredAt ? time.moment(request.answeredAt) : '';
  const stage = request.stage ? stageLabels()[request.stage] : null;
  return (
    <>
      <p className="status-line">
        {request.state === 'accepted' && <Trans>You accepted on {answered}. {organisation} has your email address to arrange the interview.</Trans>}
        {request.state === 'declined' && <Trans>You declined on {answered}. {organisation} did not receive your contact details.</Trans>}
        {request.state === 'ended' && <Trans>Ended: you stopped being listed before answering.</Trans>}
      </p>
      {stage && (
        <p className="meta">
          <Trans>Latest step: {stage}</Trans>
        </p>
      )}
    </>
  );
}
