import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { TextArea } from '../../shared/ui/text-area';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { teachingKeys } from './cohort-teaching.queries';

/**
 * Asks for a regrade of the assessment (after its key was fixed): the API grades every graded
 * submission again, so the dialog says so. The course's editors may; others get the API's answer.
 * While the worker runs, its progress is polled; when it finishes this submission's grade history
 * is read again.
 */
export function RegradeForm({ assessmentId, submissionId }: { assessmentId: string; submissionId: string }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/assessments/{id}/regrades', { params: { path: { id: assessmentId } }, body: { reason: reason.trim() } })),
  });
  const regradeId = request.data?.id;
  const progress = useQuery({
    queryKey: ['regrades', regradeId ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/regrades/{id}', { params: { path: { id: regradeId ?? '' } } })),
    enabled: regradeId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'finished' ? false : 1000),
  });
  const finished = progress.data?.status === 'finished';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: teachingKeys.submission(submissionId) });
  }, [finished, queryClient, submissionId]);
  const done = progress.data?.done ?? 0;
  const total = progress.data?.total ?? 0;
  const changed = progress.data?.changed ?? 0;

  return (
    <section aria-labelledby="regrade-heading">
      <h2 id="regrade-heading">
        <Trans>Regrade the assessment</Trans>
      </h2>
      <p>
        <Trans>After a fix to the answer key, every graded submission of this assessment is graded again. Each new grade is added to its history.</Trans>
      </p>
      <TextArea name="regrade-reason" label={t`Reason for the regrade`} rows={2} maxLength={500} value={reason} required onChange={(e) => setReason(e.target.value)} />
      <FormAlert message={request.error?.message ?? progress.error?.message} />
      {regradeId !== undefined && (
        <p role="status">
          {finished ? (
            <Trans>
              Regrade finished: {total} submissions graded again, {changed} changed.
            </Trans>
          ) : (
            <Trans>
              Regrading: {done} of {total} done.
            </Trans>
          )}
        </p>
      )}
      <ConfirmDialog
        trigger={t`Request a regrade`}
        isDisabled={reason.trim() === '' || request.isPending || (regradeId !== undefined && !finished)}
        title={t`Regrade every submission?`}
        confirm={t`Regrade`}
        cancel={t`Cancel`}
        variant="primary"
        onConfirm={() => request.mutate()}
      >
        <p>
          <Trans>Every graded submission of this assessment, not only this one, is graded again with the current key.</Trans>
        </p>
      </ConfirmDialog>
    </section>
  );
}
