import { Trans } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import { useOutcomesCsv } from './outcomes.queries';

/** Download the report as CSV (the server's own export) or print it (outcomes.css has the print layout). */
export function ReportActions({ cohortId }: { cohortId: string | null }) {
  const csv = useOutcomesCsv(cohortId);
  const errorMessage = useErrorMessage();
  return (
    <div className="no-print">
      <FormAlert message={csv.error ? errorMessage(csv.error) : undefined} />
      <div className="button-row">
        <Button onClick={() => csv.mutate()} isPending={csv.isPending}>
          <Trans>Download CSV</Trans>
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          <Trans>Print or save as PDF</Trans>
        </Button>
      </div>
    </div>
  );
}
