import { Trans, useLingui } from '@lingui/react/macro';
import type { components } from '../../shared/api/schema.gen';
import { useFormat } from '../../shared/i18n/use-format';

type GradeRecord = components['schemas']['GradeRecordView'];

/** Every grade a submission had, oldest first: what caused it, the score and why it changed. */
export function GradeHistory({ grades }: { grades: GradeRecord[] }) {
  const { t } = useLingui();
  const format = useFormat();
  const causeText = (cause: string) =>
    // Overrides, corrections and regrades carry their own id after a colon (`override:<id>`).
    cause === 'initial'
      ? t`Automatic grade`
      : cause === 'review'
        ? t`Review`
        : cause.startsWith('override')
          ? t`Override`
          : cause.startsWith('review-correction')
            ? t`Review correction`
            : cause.startsWith('regrade')
              ? t`Regrade`
              : cause;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">
        <Trans>Grade history</Trans>
      </h2>
      {grades.length === 0 ? (
        <p>
          <Trans>No grade yet.</Trans>
        </p>
      ) : (
        <div className="table-scroll table-scroll--spaced" role="region" aria-labelledby="history-caption" tabIndex={0}>
          <table className="data-table data-table--flush data-table--body-text data-table--labelled data-table--nowrap-row-headers">
            <caption id="history-caption">
              <Trans>Grades, oldest first</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>When</Trans>
                </th>
                <th scope="col">
                  <Trans>Cause</Trans>
                </th>
                <th scope="col">
                  <Trans>Score</Trans>
                </th>
                <th scope="col">
                  <Trans>Previous score</Trans>
                </th>
                <th scope="col">
                  <Trans>Passed</Trans>
                </th>
                <th scope="col">
                  <Trans>Reason</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {grades.map((g, index) => (
                <tr key={`${g.at}-${index}`}>
                  <th scope="row">{format.dateTime(g.at)}</th>
                  <td>{causeText(g.cause)}</td>
                  <td>{g.score}</td>
                  <td>{g.previousScore ?? '—'}</td>
                  <td>{g.passed ? t`Yes` : t`No`}</td>
                  <td>{g.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
