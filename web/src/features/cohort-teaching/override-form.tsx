import { useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { overrideScoreOf } from './override-score';

interface OverrideFormProps {
  currentScore: number | null;
  maxScore: number;
  isPending: boolean;
  error: string | undefined;
  saved: boolean;
  onOverride: (score: number, reason: string) => void;
}

/**
 * Sets a graded submission's score by hand: the new score and why, confirmed in a dialog that says
 * what changes. The grade history below keeps the old and the new score with the reason.
 */
export function OverrideForm({ currentScore, maxScore, isPending, error, saved, onOverride }: OverrideFormProps) {
  const { t } = useLingui();
  const [scoreText, setScoreText] = useState('');
  const [reason, setReason] = useState('');
  const score = overrideScoreOf(scoreText, maxScore);
  const scoreError = scoreText.trim() !== '' && score === null ? t`Enter a score from 0 to ${maxScore}, with at most two decimals.` : undefined;
  const ready = score !== null && reason.trim() !== '';
  const from = currentScore ?? '—';
  const to = scoreText.trim();
  const why = reason.trim();
  return (
    <section aria-labelledby="override-heading">
      <h2 id="override-heading">
        <Trans>Override the grade</Trans>
      </h2>
      <p>
        <Trans>Sets the score by hand. The reason is kept in the grade history and the trainee’s progress follows the new score.</Trans>
      </p>
      {saved && (
        <p role="status" className="notice">
          <Trans>The override is saved.</Trans>
        </p>
      )}
      <TextField
        name="override-score"
        label={t`New score (0 to ${maxScore})`}
        inputMode="decimal"
        value={scoreText}
        error={scoreError}
        onChange={(e) => setScoreText(e.target.value)}
      />
      <TextArea name="override-reason" label={t`Reason for the override`} rows={2} maxLength={500} value={reason} required onChange={(e) => setReason(e.target.value)} />
      {!ready && (
        <p className="field-description">
          <Trans>Give a valid score and a reason to override.</Trans>
        </p>
      )}
      <FormAlert message={error} />
      <ConfirmDialog
        trigger={isPending ? t`Saving…` : t`Override the grade`}
        isDisabled={!ready || isPending}
        title={t`Override this grade?`}
        confirm={t`Override`}
        cancel={t`Cancel`}
        variant="primary"
        onConfirm={() => {
          if (score !== null) onOverride(score, reason.trim());
        }}
      >
        <p>
          <Trans>
            The score changes from {from} to {to}. Reason: {why}
          </Trans>
        </p>
      </ConfirmDialog>
    </section>
  );
}
