import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import type { SqlContent } from './assessment.types';
import { useTrialRun } from './assessment.queries';
import { CodeEditor } from './code-editor';
import { TrialRunResult } from './trial-run-result';

interface SqlEditorProps {
  assessmentId: string;
  content: SqlContent;
  query: string;
  onChange: (query: string) => void;
  canWork: boolean;
}

/** An SQL exercise: the dataset's tables, the query editor, and "Run" (a trial run: rows or the error, no attempt used). */
export function SqlEditor({ assessmentId, content, query, onChange, canWork }: SqlEditorProps) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const trial = useTrialRun(assessmentId);
  const rowCap = content.rowCap;
  return (
    <>
      <DatasetTables content={content} />
      <CodeEditor
        label={t`Your query`}
        language="sql"
        value={query}
        onChange={onChange}
        rows={8}
        maxLength={20_000}
        description={content.orderMatters ? t`One SELECT. The order of the rows counts; at most ${rowCap} rows are shown.` : t`One SELECT. The order of the rows does not count; at most ${rowCap} rows are shown.`}
      />
      {canWork && (
        <div className="button-row">
          <Button variant="secondary" isPending={trial.isPending} onClick={() => query.trim() && trial.mutate({ query })} aria-describedby="run-note">
            <Trans>Run</Trans>
          </Button>
          <p id="run-note" className="field-description">
            <Trans>Running shows the rows; it is not graded and uses no attempt.</Trans>
          </p>
        </div>
      )}
      <FormAlert message={trial.isError ? errorMessage(trial.error) : undefined} />
      {trial.data && !trial.isPending && <TrialRunResult run={trial.data} />}
    </>
  );
}

function DatasetTables({ content }: { content: SqlContent }) {
  const tables = content.dataset.tables ?? [];
  if (tables.length === 0 && !content.dataset.ddl?.length) return null;
  return (
    <details className="dataset">
      <summary>
        <Trans>The tables you can query</Trans>
      </summary>
      {tables.map((table) => (
        <div key={table.name}>
          <h3 className="code">{table.name}</h3>
          <ul className="columns">
            {table.columns.map((column) => (
              <li key={column.name}>
                <code className="code">{column.name}</code> <span className="meta">{column.type}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {content.dataset.ddl?.map((statement, index) => (
        <pre key={index} className="code ddl">
          {statement}
        </pre>
      ))}
    </details>
  );
}
