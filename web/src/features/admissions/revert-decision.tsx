import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextField } from '../../shared/ui/text-field';
import { admissionsKeys } from './admissions.queries';
import { useAdmissionsLabels } from './admissions-labels';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import type { ApplicationStatus, DecisionRecord, ReviewedApplication } from './admissions.types';

/** The trail's actions that change the status (the API's list); scores and notes do not. */
const STATUS_CHANGES: readonly string[] = ['submit', 'shortlist', 'accept', 'waitlist', 'reject', 'withdraw', 'promote', 'revert'];

/** The last status change a revert would undo: none before a decision, nor after the applicant withdrew (theirs to decide). */
export function lastDecision(trail: readonly DecisionRecord[]): DecisionRecord | undefined {
  const last = trail.filter((record) => STATUS_CHANGES.includes(record.action)).at(-1);
  return last && last.action !== 'submit' && last.action !== 'withdraw' ? last : undefined;
}

/** Admins undo the last decision with a reason; the confirmation names the status it goes back to and the seat it frees. */
export function RevertDecision({ application, trail }: { application: ReviewedApplication; trail: DecisionRecord[] }) {
  const { t } = useLingui();
  const labels = useAdmissionsLabels();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const last = lastDecision(trail);
  const revert = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/applications/{id}/revert', { params: { path: { id: application.id } }, body: { reason: reason.trim() } })),
    onSuccess: () => {
      setReason('');
      return queryClient.invalidateQueries({ queryKey: admissionsKeys.all });
    },
  });
  if (!last) return null;
  const now = labels.status[application.status];
  const back = last.fromStatus ? (labels.status[last.fromStatus as ApplicationStatus] ?? last.fromStatus) : '';
  return (
    <section className="section" aria-labelledby="revert-title">
      <h2 id="revert-title">
        <Trans>Revert the last decision</Trans>
      </h2>
      <TextField
        name="revert-reason"
        label={t`Why it is reverted`}
        description={t`Kept in the history and told to the applicant.`}
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <ConfirmDialog
        trigger={t`Revert the decision…`}
        isDisabled={reason.trim() === '' || revert.isPending}
        title={t`Revert “${now}” back to “${back}”?`}
        confirm={t`Yes, revert`}
        cancel={t`Cancel`}
        variant="danger"
        onConfirm={() => revert.mutate()}
      >
        <p>
          <Trans>
            The application goes back to “{back}” with the reason “{reason}”, and the applicant is told.
          </Trans>
        </p>
        {application.status === 'accepted' && (
          <p>
            <Trans>The applicant’s enrollment is withdrawn and the seat is free again.</Trans>
          </p>
        )}
      </ConfirmDialog>
      <FormAlert message={revert.isError ? errorMessage(revert.error) : undefined} />
      {revert.isSuccess && (
        <p role="status">
          <Trans>The decision was reverted.</Trans>
        </p>
      )}
    </section>
  );
}
