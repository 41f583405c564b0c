import { useEffect, useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { useFormat } from '../../shared/i18n/use-format';
import { teachingKeys } from './cohort-teaching.queries';

/**
 * Asks for a regrade of the assessment (after its key was fixed): the API grades every graded
 * submission again, so the dialog says so. The course's editors may; others get the API's answer.
 * While the worker runs, its progress is polled; when it finishes this submission's grade history
 * is read again.
 *
 * The key applied is this submission's own version's by default; a corrected key published in a
 * later version of the course (one that still contains the assessment) can be chosen instead.
 */
export function RegradeForm({ assessmentId, submissionId, courseId, versionId }: { assessmentId: string; submissionId: string; courseId: string | undefined; versionId: string | undefined }) {
  const { t } = useLingui();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [keyVersionId, setKeyVersionId] = useState('');
  const versions = useQuery({
    queryKey: ['courses', courseId ?? '', 'versions'],
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}/versions', { params: { path: { id: courseId ?? '' } } })),
    enabled: courseId !== undefined,
  });
  const own = versions.data?.find((v) => v.versionId === versionId);
  const later = (versions.data ?? []).filter((v) => own !== undefined && v.version > own.version).sort((a, b) => a.version - b.version);
  // Each later version's outline says whether it still has this assessment (published outlines never change).
  const outlines = useQueries({
    queries: later.map((v) => ({
      queryKey: queryKeys.courses.version(v.courseId, v.version),
      queryFn: () => unwrap(api.GET('/api/v1/courses/{id}/versions/{version}', { params: { path: { id: v.courseId, version: v.version } } })),
      staleTime: Infinity,
    })),
  });
  const choices = later.filter((_, index) => outlines[index]?.data?.outline.modules.some((m) => m.assessments.some((a) => a.assessmentId === assessmentId)));
  const chosen = choices.find((v) => v.versionId === keyVersionId);
  const ownNumber = own?.version;
  const chosenNumber = chosen?.version ?? ownNumber;
  const request = useMutation({
    mutationFn: (keyVersion: string | undefined) =>
      unwrap(
        api.POST('/api/v1/assessments/{id}/regrades', {
          params: { path: { id: assessmentId } },
          body: { reason: reason.trim(), ...(keyVersion ? { keyVersionId: keyVersion } : {}) },
        }),
      ),
  });
  // The version whose key the requested regrade applies (named in its outcome).
  const [used, setUsed] = useState<{ version: number | undefined; own: boolean }>({ version: undefined, own: true });
  const usedVersion = used.version;
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
      <SelectField name="regrade-key-version" label={t`Answer key to apply`} value={keyVersionId} onChange={(e) => setKeyVersionId(e.target.value)}>
        <option value="">{ownNumber !== undefined ? t`This submission’s own version (v${ownNumber})` : t`This submission’s own version`}</option>
        {choices.map(({ versionId: id, version, publishedAt }) => {
          const published = format.date(publishedAt);
          return (
            <option key={id} value={id}>
              {t`Version ${version}, published ${published}`}
            </option>
          );
        })}
      </SelectField>
      <TextArea name="regrade-reason" label={t`Reason for the regrade`} rows={2} maxLength={500} value={reason} required onChange={(e) => setReason(e.target.value)} />
      <FormAlert message={request.error?.message ?? progress.error?.message} />
      {regradeId !== undefined && (
        <p role="status">
          {finished ? (
            usedVersion !== undefined && !used.own ? (
              <Trans>
                Regrade finished with the key of version {usedVersion}: {total} submissions graded again, {changed} changed.
              </Trans>
            ) : usedVersion !== undefined ? (
              <Trans>
                Regrade finished with each submission’s own version’s key (this one: version {usedVersion}): {total} submissions graded again, {changed} changed.
              </Trans>
            ) : (
              <Trans>
                Regrade finished: {total} submissions graded again, {changed} changed.
              </Trans>
            )
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
        onConfirm={() => {
          setUsed({ version: chosenNumber, own: chosen === undefined });
          request.mutate(chosen?.versionId);
        }}
      >
        <p>
          {chosen ? (
            <Trans>Every graded submission of this assessment, not only this one, is graded again with the answer key published in version {chosenNumber}.</Trans>
          ) : chosenNumber !== undefined ? (
            <Trans>Every graded submission of this assessment, not only this one, is graded again with the answer key of the version it was made in (this one: version {chosenNumber}).</Trans>
          ) : (
            <Trans>Every graded submission of this assessment, not only this one, is graded again with the answer key of the version it was made in.</Trans>
          )}
        </p>
      </ConfirmDialog>
    </section>
  );
}
