import { Trans, useLingui } from '@lingui/react/macro';
import { FigureCell, useSuppressionReasons } from './figure-cell';
import { figureState } from './figures';
import { useOutcomeLabels } from './outcome-labels';
import type { SuppressedTable } from './outcome.types';

interface BreakdownTableProps {
  dimension: string;
  table: SuppressedTable;
  /** The JSON path of the table, e.g. disaggregation.gender. */
  path: string;
}

/**
 * One disaggregated table (category × furthest stage reached). Suppressed cells read "Suppressed";
 * a table withheld whole says why instead of showing rows; merged categories are counted.
 */
export function BreakdownTable({ dimension, table, path }: BreakdownTableProps) {
  const { t } = useLingui();
  const labels = useOutcomeLabels();
  const reasons = useSuppressionReasons();
  const name = labels.dimension(dimension);
  const shown = (value: number | null) => figureState(value, null, null);
  const merged = table.mergedIntoOther;
  return (
    <div className="breakdown">
      <h3>{t`By ${name}`}</h3>
      {table.withheld ? (
        <p data-metric={`${path}.withheld`} data-kind="reason" data-reason={table.withheld.reason}>
          <Trans>Not broken down: {reasons[table.withheld.reason]?.long ?? table.withheld.reason}</Trans>
        </p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t`By ${name}`}>
          <table className="figure-table">
            <caption>{t`Trainees by ${name} and the furthest stage they reached`}</caption>
            <thead>
              <tr>
                <th scope="col">{name}</th>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {labels.stage(column)}
                  </th>
                ))}
                <th scope="col">
                  <Trans>Total</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={row}>
                  <th scope="row">{labels.category(row)}</th>
                  {table.columns.map((column, j) => (
                    <FigureCell key={column} path={`${path}.cells.${i}.${j}`} kind="count" state={shown(table.cells[i][j])} />
                  ))}
                  <FigureCell path={`${path}.rowTotals.${i}`} kind="count" state={shown(table.rowTotals[i])} />
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <Trans>Total</Trans>
                </th>
                {table.columns.map((column, j) => (
                  <FigureCell key={column} path={`${path}.columnTotals.${j}`} kind="count" state={shown(table.columnTotals[j])} />
                ))}
                <FigureCell path={`${path}.grandTotal`} kind="count" state={shown(table.grandTotal)} />
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <ul className="meta">
        {merged > 0 && <li>{t`${merged} smaller groups are merged into "Other".`}</li>}
        {table.withheldColumns.length > 0 && (
          <li>{t`Stages suppressed in this table: ${table.withheldColumns.map(labels.stage).join(', ')} (their totals above are published).`}</li>
        )}
        <li>
          <Trans>Not given:</Trans>{' '}
          <span data-metric={`${path}.notGiven`} data-kind="count">
            {table.notGiven === null ? t`Suppressed (counted in "Other")` : table.notGiven}
          </span>
        </li>
      </ul>
    </div>
  );
}
