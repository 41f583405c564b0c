// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import type { ApplicationStatus, ReviewedApplication, TrackQuotas } from './admissions.types';
import { withProviders } from '../../shared/testing/with-providers';

// The API client is replaced: this test is about what the confirmation says and what is sent and shown.
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { POST: (...args: unknown[]) => post(...args), GET: vi.fn() } }));
const { BulkDecision } = await import('./bulk-decision');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });


function app(id: string, name: string, status: ApplicationStatus): ReviewedApplication {
  return {
    id, cohortId: 'c', traineeId: `t-${id}`, courseVersionId: 'v', status, statement: 's', answers: [], score: null, waitlistRank: null,
    submittedAt: '2026-12-01T00:00:00Z', decidedAt: null, applicant: { displayName: name, email: null, language: null, phone: null }, trackCode: 'cybersecurity',
    scoring: { aggregate: null, spread: null, reviewers: [] }, rank: null, tiedWith: 0, duplicates: [],
  };
}

const quotas: TrackQuotas = { cohortId: 'c', capacity: 3, seatsTaken: 2, tracks: [{ trackCode: 'cybersecurity', seats: 3, taken: 2 }] };

afterEach(() => post.mockReset());

describe('BulkDecision', () => {
  it('needs a selection and a reason before the confirmation opens', async () => {
    render(withProviders(<BulkDecision cohortId="c" selected={[]} quotas={quotas} onDecided={() => {}} />));
    expect(screen.getByText('Select applications in the table first.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Shortlist 0 selected…' }).hasAttribute('disabled')).toBe(true);
  });

  it('names what will change and the seats left, sends one decision for all, and shows the answer per item', async () => {
    const user = userEvent.setup();
    const onDecided = vi.fn();
    const selected = [app('a', 'Ana', 'shortlisted'), app('b', 'Ben', 'shortlisted'), app('c', 'Cruz', 'accepted')];
    render(withProviders(<BulkDecision cohortId="c" selected={selected} quotas={quotas} onDecided={onDecided} />));
    await user.selectOptions(screen.getByLabelText('Decision'), 'accept');
    await user.type(screen.getByLabelText('Reason'), 'Top scores');
    await user.click(screen.getByRole('button', { name: 'Accept 3 selected…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Accept: 2 of 3 applications?' });
    expect(dialog.textContent).toContain('2 will become “Accepted”, with the reason “Top scores”.');
    expect(dialog.textContent).toContain('1 already decided: nothing changes for them.');
    expect(dialog.textContent).toContain('Seats left in the cohort: 1 now, 0 after.');
    expect(dialog.textContent).toContain('1 will find no seat and be refused.');
    expect(dialog.textContent).toContain('Cybersecurity quota: seats left 1; to accept 2.');
    // Nothing is sent before the confirmation; Cancel has the focus first.
    expect(post).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Cancel');

    post.mockResolvedValue({
      data: {
        results: [
          { applicationId: 'a', status: 200, application: { ...selected[0], status: 'accepted' } },
          { applicationId: 'b', status: 409, problem: { type: 'https://gds.academy/problems/cohort-full', detail: 'All 3 seats of this cohort are taken.' } },
          { applicationId: 'c', status: 422, problem: { type: 'https://gds.academy/problems/illegal-decision', detail: 'This application is accepted.' } },
        ],
      },
      response: new Response(null, { status: 200 }),
    });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, Accept 2' }));
    expect(post).toHaveBeenCalledWith('/api/v1/cohorts/{id}/decisions', {
      params: { path: { id: 'c' } },
      body: { items: ['a', 'b', 'c'].map((applicationId) => ({ applicationId, decision: 'accept', reason: 'Top scores' })) },
    });
    const outcomes = await screen.findByRole('heading', { name: 'Accept: 1 of 3 done' });
    const list = outcomes.parentElement!;
    expect(list.textContent).toContain('Ana: done, now Accepted');
    expect(list.textContent).toContain('Ben: refused (409): All 3 seats of this cohort are taken. Seats left: 1.');
    expect(list.textContent).toContain('Cruz: already decided (Accepted), nothing changed');
    expect(onDecided).toHaveBeenCalled();
  });
});
