import { Trans, useLingui } from '@lingui/react/macro';
import type { TrialRun } from './assessment.types';

/**
 * What a trial run answered: the rows (a real table, scrollable on its own at 360 px), the query's
 * error, or each configuration rule passed or not. Announced politely when it arrives.
 */
export function TrialRunResult({ run }: { run: TrialRun }) {
  return (
    <div className="trial-result" role="status" aria-live="polite">
      {run.status === 'error' || run.status === 'unreadable' ? (
        <div className="trial-error">
          <p className="state-title">{run.status === 'error' ? <Trans>The query failed</Trans> : <Trans>The document could not be read</Trans>}</p>
          {run.message && <pre className="code trial-message">{run.message}</pre>}
        </div>
      ) : run.result ? (
        <RowsTable result={run.result} />
      ) : (
        <RuleFindings rules={run.rules ?? []} />
      )}
    </div>
  );
}

function RowsTable({ result }: { result: NonNullable<TrialRun['result']> }) {
  const { t } = useLingui();
  const shown = result.rows.length;
  return (
    <>
      <p>
        {result.truncated ? <Trans>Showing the first {shown} rows; the query returned more.</Trans> : <Trans>Rows returned: {shown}.</Trans>}
      </p>
      {/* A focusable scroll region, so keyboard users can scroll a wide result at 360 px. */}
      <div className="table-scroll table-scroll--framed" role="region" aria-label={t`Query result`} tabIndex={0}>
        <table className="result-table">
          <thead>
            <tr>
              {result.columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell === null ? <span className="null-cell">NULL</span> : cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RuleFindings({ rules }: { rules: NonNullable<TrialRun['rules']> }) {
  const passed = rules.filter((r) => r.passed).length;
  const total = rules.length;
  return (
    <>
      <p>
        <Trans>
          {passed} of {total} checks pass.
        </Trans>
      </p>
      <ul className="findings">
        {rules.map((rule, index) => (
          <li key={rule.id ?? index} className={rule.passed ? 'finding finding-pass' : 'finding finding-fail'}>
            <span className="finding-mark">{rule.passed ? <Trans>Passes</Trans> : <Trans>Fails</Trans>}</span>
            <span>
              {rule.description}
              {!rule.passed && (
                <>
                  <br />
                  {rule.message}
                  {rule.at && (
                    <>
                      {' '}
                      <Trans>
                        (at <code className="code">{rule.at}</code>)
                      </Trans>
                    </>
                  )}
                </>
              )}
              {rule.errors && rule.errors.length > 0 && (
                <ul>
                  {rule.errors.map((error, i) => (
                    <li key={i}>{error}</li>
                  ))}
                </ul>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
