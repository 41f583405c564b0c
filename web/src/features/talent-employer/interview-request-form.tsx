import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { TextArea } from '../../shared/ui/text-area';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { ProblemError } from '../../shared/api/problem';
import { useErrorMessage } from '../../shared/states/error-state';
import { requestInterview, talentKeys } from './talent.queries';
import type { InterviewRequest } from './talent.types';

interface InterviewRequestFormProps {
  traineeId: string;
  displayName: string;
  roleTitle: string;
  onSent: (request: InterviewRequest) => void;
}

/** Asks a shortlisted candidate to an interview for the role; the candidate reads the message and accepts or declines. */
export function InterviewRequestForm({ traineeId, displayName, roleTitle, onSent }: InterviewRequestFormProps) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () => requestInterview(traineeId, roleTitle, message),
    onSuccess: (request) => {
      void queryClient.invalidateQueries({ queryKey: talentKeys.requests });
      onSent(request);
    },
  });
  const errors = fieldErrorsOf(send.error);
  const pending = send.error instanceof ProblemError && send.error.slug === 'interview-request-pending';
  const problem = pending
    ? t`A request to ${displayName} for ${roleTitle} is already waiting for their answer. You can send another once they answer it.`
    : send.isError && !errors.message
      ? errorMessage(send.error)
      : undefined;
  return (
    <Form aria-label={t`Interview request to ${displayName} for ${roleTitle}`} onSubmit={() => send.mutate()}>
      <TextArea
        name="message"
        label={t`Message to ${displayName}`}
        description={t`What the role is and when you would like to meet. Their contact details are shared with your organisation if they accept.`}
        value={message}
        maxLength={2000}
        rows={4}
        error={errors.message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <Button type="submit" isPending={send.isPending}>
        <Trans>Send the interview request</Trans>
      </Button>
      <FormAlert message={problem} />
    </Form>
  );
}
