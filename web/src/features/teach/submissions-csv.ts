import type { components } from '../../shared/api/schema.gen';

export type StaffSubmission = components['schemas']['StaffSubmissionView'];

export const CSV_COLUMNS = ['submission_id', 'trainee_id', 'cohort_id', 'status', 'score', 'max_score', 'passed', 'late_days', 'submitted_at', 'graded_at'] as const;

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The submissions of an assessment as CSV (RFC 4180 line ends), one row per submission. */
export function submissionsCsv(rows: StaffSubmission[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const s of rows) {
    lines.push([s.id, s.traineeId, s.cohortId, s.status, s.score, s.maxScore, s.passed, s.lateDays, s.submittedAt, s.gradedAt].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
