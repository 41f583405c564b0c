import { useMutation } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { useErrorMessage } from '../../shared/states/error-state';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { downloadFile } from '../../shared/ui/download-file';

/** Everything GDS Academy holds about the person, saved as a JSON file (their right of access). */
export function DataExportSection() {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const download = useMutation({
    mutationFn: async () => {
      const data = await unwrap<unknown>(api.GET('/api/v1/me/data-export' as never, {} as never));
      const day = new Date().toISOString().slice(0, 10);
      downloadFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `gds-academy-my-data-${day}.json`);
    },
  });
  return (
    <section className="section" aria-labelledby="data-heading">
      <h2 id="data-heading">{t`Your data`}</h2>
      <p>
        <Trans>Download everything we hold about you: your profile, consents, applications, courses, answers, grades, certificates and notifications, in one file (JSON).</Trans>
      </p>
      <FormAlert message={download.isError ? errorMessage(download.error) : undefined} />
      <Button variant="secondary" onClick={() => download.mutate()} isPending={download.isPending}>
        <Trans>Download my data</Trans>
      </Button>
      <p aria-live="polite" className="meta">
        {download.isSuccess && <Trans>Your file is downloaded.</Trans>}
      </p>
    </section>
  );
}
