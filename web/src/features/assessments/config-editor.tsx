import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import type { ConfigContent } from './assessment.types';
import { useTrialRun } from './assessment.queries';
import { CodeEditor } from './code-editor';
import { TrialRunResult } from './trial-run-result';

/** The answer a config exercise submits: the document, with its format when the exercise fixes one. */
export function configAnswerOf(content: ConfigContent, document: string): { document: string; format?: 'json' | 'yaml' } {
  return content.format === 'auto' ? { document } : { document, format: content.format };
}

interface ConfigEditorProps {
  assessmentId: string;
  content: ConfigContent;
  document: string;
  onChange: (document: string) => void;
  canWork: boolean;
}

/** A configuration review: the rules it is checked against, the YAML/JSON editor and "Check" (a trial run). */
export function ConfigEditor({ assessmentId, content, document, onChange, canWork }: ConfigEditorProps) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const trial = useTrialRun(assessmentId);
  return (
    <>
      <section className="section" aria-labelledby="rules-heading">
        <h2 id="rules-heading">
          <Trans>What is checked</Trans>
        </h2>
        <ul className="link-list">
          {content.rules.map((rule) => (
            <li key={rule.id}>
              {rule.description} <span className="meta">{t`(points: ${rule.points})`}</span>
            </li>
          ))}
        </ul>
      </section>
      <CodeEditor
        label={content.format === 'json' ? t`Your configuration (JSON)` : content.format === 'yaml' ? t`Your configuration (YAML)` : t`Your configuration (YAML or JSON)`}
        language="yaml"
        value={document}
        onChange={onChange}
        rows={12}
      />
      {canWork && (
        <div className="button-row">
          <Button variant="secondary" isPending={trial.isPending} onClick={() => document.trim() && trial.mutate(configAnswerOf(content, document))} aria-describedby="check-note">
            <Trans>Check</Trans>
          </Button>
          <p id="check-note" className="field-description">
            <Trans>Checking shows which rules pass; it is not graded and uses no attempt.</Trans>
          </p>
        </div>
      )}
      <FormAlert message={trial.isError ? errorMessage(trial.error) : undefined} />
      {trial.data && !trial.isPending && <TrialRunResult run={trial.data} />}
    </>
  );
}
