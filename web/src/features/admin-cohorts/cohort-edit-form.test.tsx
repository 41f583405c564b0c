// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';
import type { AdminCohort } from './admin-cohorts.queries';

// The API client is replaced: this test is about what is sent and what a refusal shows.
const patch = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { PATCH: (...args: unknown[]) => patch(...args), GET: vi.fn(), POST: vi.fn() } }));
const { CohortEditForm } = await import('./cohort-edit-form');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

const cohort = {
  id: 'c1', name: 'Evening', status: 'running', capacity: 30, seatsTaken: 12, timeZone: 'America/Belize',
  applicationsOpenAt: '2027-01-01T15:00:00.000Z', applicationsCloseAt: '2027-01-20T15:00:00.000Z',
  startsAt: '2027-02-01T14:00:00.000Z', endsAt: '2027-05-01T14:00:00.000Z',
} as AdminCohort;

afterEach(() => patch.mockReset());

async function setDate(label: string, value: string) {
  const input = screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
  const user = userEvent.setup();
  await user.clear(input);
  await user.type(input, value);
}

describe('CohortEditForm', () => {
  it("shows the start and end in the cohort's zone and sends a moved start as an instant", async () => {
    render(withProviders(<CohortEditForm cohort={cohort} />));
    expect((screen.getByLabelText('Starts', { exact: true }) as HTMLInputElement).value).toBe('2027-02-01T08:00');
    expect((screen.getByLabelText('Ends') as HTMLInputElement).value).toBe('2027-05-01T08:00');
    patch.mockResolvedValue({ data: { ...cohort, startsAt: '2027-01-25T14:00:00.000Z' }, response: new Response(null, { status: 200 }) });
    await setDate('Starts', '2027-01-25T08:00');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    const body = patch.mock.calls[0][1].body;
    expect(body.startsAt).toBe('2027-01-25T14:00:00.000Z');
    expect(body).not.toHaveProperty('endsAt');
  });

  it("shows the dates in UTC, and says so, when the browser does not know the cohort's zone", async () => {
    render(withProviders(<CohortEditForm cohort={{ ...cohort, timeZone: 'Mars/Olympus_Mons' }} />));
    expect((screen.getByLabelText('Starts', { exact: true }) as HTMLInputElement).value).toBe('2027-02-01T14:00');
    expect(screen.getAllByText(/Times in UTC\./).length).toBeGreaterThan(0);
  });

  it('says under the end when it is not after the start, and sends nothing', async () => {
    render(withProviders(<CohortEditForm cohort={cohort} />));
    await setDate('Ends', '2027-01-31T08:00');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByText('The cohort must end after it starts.')).toBeTruthy();
    expect(screen.getByLabelText('Ends').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Check the dates marked below.');
    expect(patch).not.toHaveBeenCalled();
  });

  it("shows the API's refusal of a date", async () => {
    patch.mockResolvedValue({
      error: { type: 'https://gds.academy/problems/cohort-completed', title: 'Unprocessable Entity', status: 422, detail: 'A completed cohort’s dates cannot change.' },
      response: new Response(null, { status: 422 }),
    });
    render(withProviders(<CohortEditForm cohort={cohort} />));
    await setDate('Starts', '2027-01-25T08:00');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A completed cohort’s dates cannot change.');
  });
});
