// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';

// The API client and the router are replaced: this test is about the form's own date check and where focus goes.
const get = vi.fn();
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args), POST: (...args: unknown[]) => post(...args) } }));
vi.mock('@tanstack/react-router', () => ({ Link: ({ children }: { children: ReactNode }) => <a href="/">{children}</a>, useNavigate: () => vi.fn() }));
const { NewCohortScreen } = await import('./new-cohort-screen');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  get.mockReset();
  post.mockReset();
});

/** What a screen reader would read with the field at the moment it takes focus. */
function readOnFocus(field: HTMLElement) {
  const read: Array<{ invalid: string | null; description: string }> = [];
  field.addEventListener('focus', () => {
    const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    read.push({ invalid: field.getAttribute('aria-invalid'), description: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ') });
  });
  return read;
}

describe('the new-cohort form', () => {
  it('marks a backwards end before focusing it, announces each refused submit, and clears the error once the date is fixed', async () => {
    get.mockResolvedValue({ data: { items: [], nextCursor: null }, response: new Response(null, { status: 200 }) });
    render(withProviders(<NewCohortScreen />));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Backwards cohort');
    await user.type(screen.getByLabelText('Seats'), '10');
    const dates: Array<[string, string]> = [
      ['Applications open', '2030-01-01T08:00'],
      ['Applications close', '2030-01-10T08:00'],
      ['Starts', '2030-02-01T18:00'],
      ['Ends', '2030-01-20T18:00'],
    ];
    for (const [label, value] of dates) fireEvent.change(screen.getByLabelText(label), { target: { value } });
    const ends = screen.getByLabelText('Ends');
    const read = readOnFocus(ends);

    await user.click(screen.getByRole('button', { name: 'Create cohort' }));
    await waitFor(() => expect(document.activeElement).toBe(ends));
    // Read with its error, not before React marked it.
    const zone = (screen.getByLabelText('Time zone') as HTMLSelectElement).value;
    expect(read).toEqual([{ invalid: 'true', description: `Times in ${zone}. The cohort must end after it starts.` }]);
    const firstAlert = screen.getByRole('alert');
    expect(firstAlert.textContent).toBe('Check the dates marked below.');

    // The same refusal again: a new alert node, so it is announced again.
    await user.click(screen.getByRole('button', { name: 'Create cohort' }));
    await waitFor(() => expect(screen.getByRole('alert')).not.toBe(firstAlert));
    expect(screen.getByRole('alert').textContent).toBe('Check the dates marked below.');
    await waitFor(() => expect(document.activeElement).toBe(ends));

    // Fixed in place: the error and the alert go at once, before any submit.
    fireEvent.change(ends, { target: { value: '2030-03-20T18:00' } });
    expect(ends.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('The cohort must end after it starts.')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(post).not.toHaveBeenCalled();
  });
});
