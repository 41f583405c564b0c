import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import type { components } from '../../shared/api/schema.gen';
import { useFormat } from '../../shared/i18n/use-format';

type Assessment = components['schemas']['GradebookAssessmentView'];
type Row = components['schemas']['GradebookRowView'];
type Cell = components['schemas']['GradebookCellView'];

/**
 * The gradebook as a real table: a caption, trainees as row headers, assessments as column headers;
 * on a phone it scrolls sideways inside its own focusable region, never the page.
 */
export function GradebookTable({ cohortId, title, assessments, rows }: { cohortId: string; title: string; assessments: Assessment[]; rows: Row[] }) {
  const { t } = useLingui();
  const format = useFormat();
  const statusText: Record<Cell['status'], string> = {
    not_started: t`Not started`,
    in_progress: t`In progress`,
    submitted: t`Submitted`,
    awaiting_review: t`Awaiting review`,
    graded: t`Graded`,
    passed: t`Passed`,
    failed: t`Failed`,
  };
  const count = rows.length;
  return (
    <div className="table-scroll table-scroll--spaced" role="region" aria-labelledby="gradebook-caption" tabIndex={0}>
      <table className="data-table data-table--flush data-table--body-text data-table--labelled data-table--nowrap-row-headers">
        <caption id="gradebook-caption">
          <Trans>
            Gradebook of {title}: {count} trainees, best and latest score per assessment
          </Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Trainee</Trans>
            </th>
            {assessments.map((a) => (
              <th key={a.assessmentId} scope="col">
                {a.title}
                <br />
                <small>{t`out of ${a.maxScore}`}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.enrollmentId}>
              <th scope="row">{row.displayName ?? row.traineeId}</th>
              {row.cells.map((cell) => {
                const best = cell.bestScore ?? '—';
                const latest = cell.latestScore ?? '—';
                const days = cell.lateDays;
                const due = format.dateTime(cell.dueAt);
                return (
                  <td key={cell.assessmentId}>
                    <span>{statusText[cell.status]}</span>
                    <br />
                    <Trans>
                      Best {best}, latest {latest}
                    </Trans>
                    {cell.overdue && (
                      <>
                        <br />
                        <span className="late-flag">
                          <Trans>Overdue: due {due}</Trans>
                        </span>
                      </>
                    )}
                    {cell.late && (
                      <>
                        <br />
                        <span className="late-flag">
                          <Trans>Late ({days} days)</Trans>
                        </span>
                      </>
                    )}
                    {cell.status === 'awaiting_review' && cell.latestSubmissionId && (
                      <>
                        <br />
                        <Link to="/cohort-teaching/$cohortId/submissions/$submissionId" params={{ cohortId, submissionId: cell.latestSubmissionId }}>
                          <Trans>Review</Trans>
                        </Link>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
