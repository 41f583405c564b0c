// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';

// The API client is replaced: this test is about what the admin is asked, what is sent and what shows after.
const get = vi.fn();
const del = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args), DELETE: (...args: unknown[]) => del(...args), POST: vi.fn() } }));
const { Attendees } = await import('./fair-screen');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

const inAWeek = new Date(Date.now() + 7 * 86_400_000);
const page = (bookings: unknown[]) => ({
  data: { items: [{ traineeId: 't1', displayName: 'Ana Cruz', registeredAt: '2026-12-01T00:00:00Z', checkedInAt: null, checkedInAs: null, bookings }], nextCursor: null },
  response: new Response(null, { status: 200 }),
});
const booking = { bookingId: 'b1', slotId: 's1', organisationId: 'o1', organisationName: 'Bright BPO', startsAt: inAWeek.toISOString(), endsAt: new Date(inAWeek.getTime() + 1800_000).toISOString() };

afterEach(() => {
  get.mockReset();
  del.mockReset();
});

describe("an admin cancels someone's fair meeting", () => {
  it('asks first, naming whose meeting, with whom and who is told; Cancel keeps it', async () => {
    get.mockResolvedValue(page([booking]));
    const user = userEvent.setup();
    render(withProviders(<Attendees fairId="f1" />));
    const trigger = await screen.findByRole('button', { name: /^Cancel Ana Cruz's meeting with Bright BPO at / });
    await user.click(trigger);
    const dialog = screen.getByRole('alertdialog', { name: "Cancel Ana Cruz's meeting with Bright BPO?" });
    expect(dialog.textContent).toContain('Bright BPO and Ana Cruz are told that the meeting is cancelled.');
    expect(document.activeElement?.textContent).toBe('Keep the meeting');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the meeting' }));
    expect(del).not.toHaveBeenCalled();
  });

  it('cancels by the booking id on confirmation, and reads the registrations again', async () => {
    get.mockResolvedValueOnce(page([booking])).mockResolvedValue(page([]));
    del.mockResolvedValue({ data: undefined, response: new Response(null, { status: 204 }) });
    const user = userEvent.setup();
    render(withProviders(<Attendees fairId="f1" />));
    await user.click(await screen.findByRole('button', { name: /^Cancel Ana Cruz's meeting/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel the meeting' }));
    expect(del.mock.calls[0][1]).toEqual({ params: { path: { id: 'b1' } } });
    expect(await screen.findByText('Meeting cancelled; the employer and the trainee are told.')).toBeTruthy();
    expect(await screen.findByText('None booked')).toBeTruthy();
  });

  it("shows the API's refusal (the meeting has started)", async () => {
    get.mockResolvedValue(page([booking]));
    del.mockResolvedValue({
      error: { type: 'https://gds.academy/problems/meeting-started', title: 'Conflict', status: 409, detail: 'This meeting has started or passed, so it can no longer be cancelled.' },
      response: new Response(null, { status: 409 }),
    });
    const user = userEvent.setup();
    render(withProviders(<Attendees fairId="f1" />));
    await user.click(await screen.findByRole('button', { name: /^Cancel Ana Cruz's meeting/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel the meeting' }));
    expect((await screen.findByRole('status')).textContent).toContain('This meeting has started or passed, so it can no longer be cancelled.');
  });

  it('offers no cancel for a meeting already begun', async () => {
    get.mockResolvedValue(page([{ ...booking, startsAt: new Date(Date.now() - 60_000).toISOString() }]));
    render(withProviders(<Attendees fairId="f1" />));
    await screen.findByText(/Bright BPO/);
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull();
  });
});
