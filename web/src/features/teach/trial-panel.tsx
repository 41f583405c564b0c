import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { TextArea } from '../../shared/ui/text-area';
import { FormAlert } from '../../shared/ui/form-alert';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { TrialRunResult } from '../assessments/trial-run-result';
import type { TrialRun } from '../assessments/assessment.types';
import type { AuthorAssessment } from './teach.types';

interface TrialPanelProps {
  assessment: AuthorAssessment;
  kind: 'sql' | 'config';
  referenceQuery: string;
  /** The run uses the saved key: say so when the screen holds unsaved changes. */
  unsaved: boolean;
}

/**
 * Tries the saved key in the sandbox through trial runs (editors try the draft's key): the SQL
 * reference query's rows, or a sample configuration checked against the rules.
 */
export function TrialPanel({ assessment, kind, referenceQuery, unsaved }: TrialPanelProps) {
  const { t } = useLingui();
  const [sample, setSample] = useState('');
  const run = useMutation({
    mutationFn: () =>
      unwrap<TrialRun>(
        api.POST('/api/v1/assessments/{id}/trial-runs', {
          params: { path: { id: assessment.id } },
          body: { answer: kind === 'sql' ? { query: referenceQuery } : { document: sample } },
        }),
      ),
  });
  return (
    <section className="section" aria-labelledby="trial-heading">
      <h2 id="trial-heading">{kind === 'sql' ? <Trans>Preview the reference query</Trans> : <Trans>Check a sample answer</Trans>}</h2>
      {unsaved && (
        <p className="meta">
          <Trans>The sandbox uses the saved key: save your changes first.</Trans>
        </p>
      )}
      {kind === 'config' && <TextArea name="sample" className="field-code" label={t`Sample configuration (JSON or YAML)`} rows={6} value={sample} onChange={(e) => setSample(e.target.value)} />}
      <Button variant="secondary" isPending={run.isPending} onClick={() => run.mutate()}>
        {kind === 'sql' ? <Trans>Run the reference query</Trans> : <Trans>Check the sample</Trans>}
      </Button>
      <FormAlert message={run.error?.message} />
      {run.data && <TrialRunResult run={run.data} />}
    </section>
  );
}
