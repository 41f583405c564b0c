import { csvCell } from '@gds/http';
import type { GradebookView } from './dto/gradebook.dto';

/** The gradebook as a spreadsheet: one row per trainee; per assessment its status, best and latest score, due date, overdue flag and late days. */
export function gradebookCsv(book: GradebookView): string {
  const header = ['Trainee', 'Trainee id', 'Enrollment status', ...book.assessments.flatMap((a) => [
    `${a.title} — status`, `${a.title} — best (of ${a.maxScore})`, `${a.title} — latest`, `${a.title} — attempts`, `${a.title} — due`, `${a.title} — overdue`, `${a.title} — days late`, `${a.title} — exception`,
  ])];
  const rows = book.items.map((row) => [
    row.displayName, row.traineeId, row.enrollmentStatus,
    ...row.cells.flatMap((c) => [
      c.status, c.bestScore, c.latestScore, `${c.attemptsUsed}/${c.attemptsAllowed}`, c.dueAt, c.overdue ? 'overdue' : null, c.lateDays,
      c.exception ? [c.exception.dueAt ? `due ${c.exception.dueAt}` : null, c.exception.extraAttempts ? `${c.exception.extraAttempts} extra attempt${c.exception.extraAttempts === 1 ? '' : 's'}` : null].filter(Boolean).join('; ') : null,
    ]),
  ]);
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
