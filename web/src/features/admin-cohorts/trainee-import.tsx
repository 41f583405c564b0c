import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextArea } from '../../shared/ui/text-area';
import { useErrorMessage } from '../../shared/states/error-state';
import { queryKeys } from '../../shared/api/query-keys';
import { importQuery, type ImportPreview, usePreviewImport, useStartImport } from './admin-cohorts.queries';

/**
 * Trainees from a CSV (email,displayName[,courseVersionId]): first a preview of what each row will
 * do, bad rows with their reason; nothing is imported until confirmed; then the import's result.
 */
export function TraineeImport({ cohortId }: { cohortId: string }) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const [csv, setCsv] = useState('');
  const [importId, setImportId] = useState<string | null>(null);
  const preview = usePreviewImport(cohortId);
  const start = useStartImport(cohortId);
  const failure = preview.error ?? start.error;

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
    preview.reset();
  }

  return (
    <div>
      <p className="meta">
        <Trans>The first line must be the header email,displayName (add courseVersionId when the cohort runs several courses). New people get an invitation to set a password.</Trans>
      </p>
      <div className="field">
        <label className="field-label" htmlFor="import-file">
          <Trans>CSV file</Trans>
        </label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event.target.files?.[0])} />
      </div>
      <TextArea
        name="csv"
        label={t`Or paste the CSV`}
        rows={6}
        value={csv}
        onChange={(event) => {
          setCsv(event.target.value);
          preview.reset();
        }}
      />
      <FormAlert message={failure ? errorMessage(failure) : undefined} />
      <div className="button-row">
        <Button variant="secondary" onClick={() => preview.mutate(csv)} isPending={preview.isPending} disabled={csv.trim() === ''}>
          <Trans>Preview the import</Trans>
        </Button>
      </div>
      {preview.data && !importId && (
        <PreviewTable
          preview={preview.data}
          onConfirm={() => start.mutate(csv, { onSuccess: (started) => setImportId(started.id) })}
          isPending={start.isPending}
        />
      )}
      {importId && <ImportResult importId={importId} cohortId={cohortId} />}
    </div>
  );
}

function useActionLabel() {
  const { t } = useLingui();
  const labels: Record<string, string> = {
    'invite-and-enroll': t`New account, invited and enrolled`,
    enroll: t`Existing trainee, enrolled`,
    'already-enrolled': t`Already enrolled: nothing changes`,
    'no-seat': t`Not enrolled: no seat left`,
    invalid: t`Not imported: bad row`,
  };
  return (action: string) => labels[action] ?? action;
}

function PreviewTable({ preview, onConfirm, isPending }: { preview: ImportPreview; onConfirm: () => void; isPending: boolean }) {
  const { t } = useLingui();
  const actionLabel = useActionLabel();
  const { toEnroll, invalid, noSeat, seatsLeft, accountsToCreate } = preview;
  return (
    <section aria-labelledby="import-preview">
      <h3 id="import-preview">
        <Trans>Preview: nothing is imported yet</Trans>
      </h3>
      <p role="status">
        {t`${toEnroll} will be enrolled (${accountsToCreate} new accounts), ${invalid} bad rows, ${noSeat} without a seat. Seats left: ${seatsLeft}.`}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Import preview`}>
        <table className="data-table">
          <caption className="visually-hidden">{t`Import preview`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Line`}</th>
              <th scope="col">{t`Email`}</th>
              <th scope="col">{t`Name`}</th>
              <th scope="col">{t`What will happen`}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.action === 'invalid' || row.action === 'no-seat' ? 'row-invalid' : undefined} data-action={row.action}>
                <td>{row.line}</td>
                <td>{row.email}</td>
                <td>{row.displayName}</td>
                <td>
                  {actionLabel(row.action)}
                  {row.reasons.length > 0 && <>: {row.reasons.join('; ')}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invalid > 0 ? (
        <p className="notice">
          <Trans>Fix the bad rows and preview again: a file with bad rows is not imported.</Trans>
        </p>
      ) : toEnroll > 0 ? (
        <div className="button-row">
          <ConfirmDialog
            trigger={isPending ? t`Importing…` : t`Import ${toEnroll} trainees`}
            title={t`Import ${toEnroll} trainees?`}
            confirm={t`Import`}
            cancel={t`Cancel`}
            variant="primary"
            onConfirm={onConfirm}
          >
            <p>{t`${accountsToCreate} new accounts will be created and invited by email; ${toEnroll} trainees take a seat each.`}</p>
          </ConfirmDialog>
        </div>
      ) : null}
    </section>
  );
}

function ImportResult({ importId, cohortId }: { importId: string; cohortId: string }) {
  const { t } = useLingui();
  const client = useQueryClient();
  const status = useQuery(importQuery(importId));
  const report = status.data?.report;
  if (status.data?.status === 'finished') void client.invalidateQueries({ queryKey: queryKeys.cohorts.detail(cohortId) });
  const outcome = (value: string) => (value === 'enrolled' ? t`Enrolled` : value === 'already-enrolled' ? t`Already enrolled` : t`Not enrolled`);
  return (
    <section aria-labelledby="import-result">
      <h3 id="import-result">
        <Trans>Import result</Trans>
      </h3>
      {!report ? (
        <p role="status">{t`Importing: ${status.data?.progress ?? 0}% done.`}</p>
      ) : (
        <>
          <p role="status">{t`Finished: ${report.enrolled} enrolled, ${report.alreadyEnrolled} already enrolled, ${report.errors} not enrolled.`}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Import result`}>
            <table className="data-table">
              <caption className="visually-hidden">{t`Import result`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Line`}</th>
                  <th scope="col">{t`Email`}</th>
                  <th scope="col">{t`Result`}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{row.email}</td>
                    <td>
                      {outcome(row.outcome)}
                      {row.error ? `: ${row.error}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
