// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { I18nProvider } from '@lingui/react';
import { activateLocale, i18n } from '../../shared/i18n/i18n';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';
import type { components } from '../../shared/api/schema.gen';
import { GradebookTable } from './gradebook-table';

type Cell = components['schemas']['GradebookCellView'];

const dueAt = '2026-12-01T15:00:00.000Z';
const cell = (overrides: Partial<Cell>): Cell => ({
  assessmentId: 'a1', status: 'not_started', bestScore: null, latestScore: null, latestSubmissionId: null, attemptsUsed: 0, attemptsAllowed: 1,
  dueAt, overdue: false, late: false, lateDays: 0, exception: null, ...overrides,
});
const assessments = [{ assessmentId: 'a1', title: 'Landing page', kind: 'rubric' as const, moduleId: 'm1', moduleTitle: 'Foundations', maxScore: 100, passMark: 60, required: true, attemptsAllowed: 1 }];
const rows = [
  { enrollmentId: 'e1', traineeId: 't1', displayName: 'Ana Pérez', enrollmentStatus: 'active' as const, cells: [cell({ overdue: true })] },
  { enrollmentId: 'e2', traineeId: 't2', displayName: 'Brian Young', enrollmentStatus: 'active' as const, cells: [cell({ status: 'submitted', latestSubmissionId: 's2', attemptsUsed: 1 })] },
];

function renderTable() {
  render(
    <I18nProvider i18n={i18n}>
      <GradebookTable cohortId="c1" title="Interface Design" assessments={assessments} rows={rows} />
    </I18nProvider>,
  );
  const rowOf = (name: string) => screen.getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name }))!;
  return { ana: rowOf('Ana Pérez'), brian: rowOf('Brian Young') };
}

afterEach(() => activateLocale('en'));

describe('GradebookTable', () => {
  it('flags overdue work with the due date in force, and only that cell', async () => {
    await activateLocale('en');
    await loadStaffMessages();
    const { ana, brian } = renderTable();
    const due = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(dueAt));
    expect(ana.textContent).toContain(`Overdue: due ${due}`);
    expect(brian.textContent).not.toContain('Overdue');
  });

  it('says it in Spanish from the staff catalogue', async () => {
    await activateLocale('es');
    await loadStaffMessages();
    const { ana } = renderTable();
    const due = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(dueAt));
    expect(ana.textContent).toContain(`Atrasada: vencía el ${due}`);
  });
});
