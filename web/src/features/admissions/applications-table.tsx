import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { ariaSortOf, nextSort, type Sort, type SortKey } from './application-filters';
import { useFormat } from '../../shared/i18n/use-format';
import { useAdmissionsLabels } from './admissions-labels';
import type { ReviewedApplication } from './admissions.types';

interface ApplicationsTableProps {
  items: ReviewedApplication[];
  sort: Sort | undefined;
  onSort: (sort: Sort) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
}

const SUMMARY_LENGTH = 90;

/** The first words of the statement and answers: enough to tell applications apart in the list. */
export function answersSummary(application: ReviewedApplication): string {
  const text = [application.statement, ...application.answers.map((a) => a.answer)].join(' · ').replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

/**
 * The applications as a table: a sortable header per column (buttons with aria-sort), a checkbox per
 * row for bulk decisions. At 360 px it scrolls sideways inside a focusable region named by the caption.
 */
export function ApplicationsTable({ items, sort, onSort, selected, onSelect }: ApplicationsTableProps) {
  const { t } = useLingui();
  const labels = useAdmissionsLabels();
  const format = useFormat();
  const shown = items.length;
  const allSelected = items.length > 0 && items.every((a) => selected.has(a.id));
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={ariaSortOf(sort, key)}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, key))}>
        {label}
        <span aria-hidden="true">{{ ascending: ' ▲', descending: ' ▼', none: '' }[ariaSortOf(sort, key)]}</span>
      </button>
    </th>
  );
  return (
    <div className="table-scroll table-scroll--spaced" role="region" aria-labelledby="applications-caption" tabIndex={0}>
      <table className="data-table data-table--flush data-table--labelled data-table--nowrap-headers data-table--selectable">
        <caption id="applications-caption">
          <Trans>Applications ({shown} shown)</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label={t`Select all shown`} checked={allSelected} onChange={(e) => onSelect(items.map((a) => a.id), e.target.checked)} />
            </th>
            {header('name', t`Applicant`)}
            <th scope="col">
              <Trans>Answers</Trans>
            </th>
            {header('score', t`Score`)}
            <th scope="col">
              <Trans>Rank</Trans>
            </th>
            {header('status', t`Status`)}
            <th scope="col">
              <Trans>Track</Trans>
            </th>
            <th scope="col">
              <Trans>Duplicate?</Trans>
            </th>
            {header('submitted', t`Sent`)}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const name = a.applicant.displayName ?? a.applicant.email ?? t`Unnamed applicant`;
            const spread = a.scoring.spread;
            const reviewers = a.scoring.reviewers.length;
            const tied = a.tiedWith;
            return (
              <tr key={a.id} aria-selected={selected.has(a.id)}>
                <td>
                  <input type="checkbox" aria-label={t`Select ${name}`} checked={selected.has(a.id)} onChange={(e) => onSelect([a.id], e.target.checked)} />
                </td>
                <th scope="row">
                  <Link to="/admissions/applications/$applicationId" params={{ applicationId: a.id }}>
                    {name}
                  </Link>
                  {a.applicant.email && a.applicant.displayName && <span className="meta cell-note">{a.applicant.email}</span>}
                </th>
                <td className="cell-summary">{answersSummary(a)}</td>
                <td>
                  {a.scoring.aggregate === null ? (
                    <span className="meta">
                      <Trans>Not scored</Trans>
                    </span>
                  ) : (
                    <>
                      {a.scoring.aggregate.toFixed(1)}
                      {spread !== null && reviewers > 1 && (
                        <span className="meta cell-note">
                          <Trans>
                            ±{spread} (reviewers: {reviewers})
                          </Trans>
                        </span>
                      )}
                    </>
                  )}
                </td>
                <td>
                  {a.rank ?? '—'}
                  {tied > 0 && (
                    <span className="meta cell-note">
                      <Trans>tied with {tied}</Trans>
                    </span>
                  )}
                </td>
                <td>
                  <span className={`status-pill status-${a.status}`}>{labels.status[a.status]}</span>
                </td>
                <td>{a.trackCode ? labels.track[a.trackCode] : '—'}</td>
                <td>{a.duplicates.length > 0 ? <strong className="duplicate-flag">{t`Possible duplicate`}</strong> : <span className="meta">{t`No`}</span>}</td>
                <td>
                  <time dateTime={a.submittedAt}>{format.date(a.submittedAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
