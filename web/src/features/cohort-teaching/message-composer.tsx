import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { FormAlert } from '../../shared/ui/form-alert';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { traineeName, type RosterEntry } from './roster-view';

interface MessageComposerProps {
  cohortId: string;
  /** The selected trainees (a nudge); the cohort-wide announcement ignores them. */
  recipients: RosterEntry[];
  onSent: () => void;
}

/**
 * A message to the selected trainees or to the whole cohort (its graduates too when asked), through the announcements route (in-app
 * and email as each person's preferences say). Both ask first, naming who will receive it.
 */
export function MessageComposer({ cohortId, recipients, onSent }: MessageComposerProps) {
  const { t } = useLingui();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [includeCompleted, setIncludeCompleted] = useState(false);
  const [sentTo, setSentTo] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: (audience: 'cohort' | 'trainees') =>
      unwrap(
        api.POST('/api/v1/cohorts/{id}/announcements', {
          params: { path: { id: cohortId } },
          body:
            audience === 'cohort'
              ? { subject, body, audience, includeCompleted }
              : { subject, body, audience, includeCompleted, traineeIds: recipients.map((r) => r.traineeId) },
        }),
      ),
    onSuccess: (announcement) => {
      setSentTo(announcement.recipientCount);
      setSubject('');
      setBody('');
      onSent();
    },
  });
  const ready = subject.trim() !== '' && body.trim() !== '';
  const names = recipients.map(traineeName).join(', ');
  const count = recipients.length;
  return (
    <section aria-labelledby="message-heading" className="card">
      <h2 id="message-heading">
        <Trans>Message trainees</Trans>
      </h2>
      <p>
        {count === 0 ? <Trans>Select trainees in the table to nudge them, or announce to the whole cohort.</Trans> : <Trans>Selected: {names}</Trans>}
      </p>
      <TextField name="subject" label={t`Subject`} value={subject} maxLength={200} onChange={(e) => setSubject(e.target.value)} />
      <TextArea name="body" label={t`Message`} value={body} maxLength={5000} onChange={(e) => setBody(e.target.value)} />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" name="includeCompleted" checked={includeCompleted} aria-describedby="include-completed-help" onChange={(e) => setIncludeCompleted(e.target.checked)} />
          <Trans>Also send to trainees who have completed the cohort</Trans>
        </label>
        <p id="include-completed-help" className="field-description">
          <Trans>Without this, only trainees still taking the cohort receive the message. Tick it to reach its graduates too, for example with a job opening or an event.</Trans>
        </p>
      </div>
      <FormAlert message={send.error?.message} />
      {sentTo !== null && (
        <p role="status" className="notice">
          <Trans>Sent to {sentTo} trainees.</Trans>
        </p>
      )}
      {ready && (
        <div className="button-row">
          {count > 0 && (
            <ConfirmDialog trigger={t`Send to selected (${count})`} title={t`Send this message?`} confirm={t`Send`} cancel={t`Cancel`} variant="primary" onConfirm={() => send.mutate('trainees')}>
              <p>
                <Trans>It goes to: {names}</Trans>
              </p>
            </ConfirmDialog>
          )}
          <ConfirmDialog trigger={t`Announce to the whole cohort`} title={t`Announce to the whole cohort?`} confirm={t`Announce`} cancel={t`Cancel`} variant="primary" onConfirm={() => send.mutate('cohort')}>
            <p>
              {includeCompleted ? (
                <Trans>It goes to every active trainee of the cohort and to every trainee who has completed it.</Trans>
              ) : (
                <Trans>It goes to every active trainee of the cohort.</Trans>
              )}
            </p>
          </ConfirmDialog>
        </div>
      )}
    </section>
  );
}
