// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import type { FairSlot } from './careers.types';
import { withProviders } from '../../shared/testing/with-providers';

// The API client is replaced: this test is about what booking says and that the slots are read again.
const get = vi.fn();
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args), POST: (...args: unknown[]) => post(...args) } }));
const { FairSlotsSection } = await import('./fair-slots-section');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
const refused = (status: number, slug: string) => ({
  error: { type: `https://gds.academy/problems/${slug}`, title: 'Conflict', status, detail: 'English detail' },
  response: new Response(null, { status }),
});

const slot = (id: string, startsAt: string, endsAt: string): FairSlot => ({
  id, fairId: 'fair', organisationId: 'org', organisationName: 'Cayo Cyber', startsAt, endsAt, available: true, bookedByMe: false, bookedByName: null, bookingId: null, bookerCheckedInAt: null,
});
const early = slot('a', '2099-12-08T16:00:00Z', '2099-12-08T16:30:00Z');
const overlapping = slot('b', '2099-12-08T16:15:00Z', '2099-12-08T16:45:00Z');

/** The slots a page of one at a time (the API pages them), so every slot shown was fetched by following the cursor. */
function serve(slots: () => FairSlot[]) {
  get.mockImplementation(async (path: string, options?: { params?: { query?: { cursor?: string } } }) => {
    if (path === '/api/v1/me') return ok({ timeZone: 'America/Belize' });
    if (path === '/api/v1/career-fairs/{id}/slots') {
      const all = slots();
      const at = Number(options?.params?.query?.cursor ?? 0);
      return ok({ items: all.slice(at, at + 1), nextCursor: at + 1 < all.length ? String(at + 1) : null });
    }
    throw new Error(`unexpected GET ${path}`);
  });
}
/** Reads of the whole list: requests of its first page. */
const slotReads = () => get.mock.calls.filter(([path, options]) => path === '/api/v1/career-fairs/{id}/slots' && !options?.params?.query?.cursor).length;


afterEach(() => {
  get.mockReset();
  post.mockReset();
});

describe('FairSlotsSection', () => {
  it('books a free slot, says so in the time zone of the person, and shows it as theirs', async () => {
    let booked = false;
    serve(() => [booked ? { ...early, available: false, bookedByMe: true } : early, overlapping]);
    post.mockImplementation(async () => {
      booked = true;
      return { data: { id: 'booking' }, response: new Response(null, { status: 201 }) };
    });
    const user = userEvent.setup();
    render(withProviders(<FairSlotsSection fairId="fair" registered />));
    await user.click(await screen.findByRole('button', { name: /^Book .*10:00.*10:30.*with Cayo Cyber$/ }));
    expect(post).toHaveBeenCalledWith('/api/v1/fair-slots/{id}/bookings', { params: { path: { id: 'a' } } });
    expect((await screen.findByRole('status')).textContent).toMatch(/^Booked: Cayo Cyber, .*10:00/);
    expect(await screen.findByText('Booked by you')).toBeTruthy();
  });

  it('explains a clash in words and reads the slots again', async () => {
    serve(() => [early, overlapping]);
    post.mockResolvedValue(refused(409, 'booking-clash'));
    const user = userEvent.setup();
    render(withProviders(<FairSlotsSection fairId="fair" registered />));
    await user.click(await screen.findByRole('button', { name: /^Book .*10:15/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('You already have a meeting booked at that time. Choose a time that does not overlap your other meetings.');
    await waitFor(() => expect(slotReads()).toBe(2));
  });

  it('explains a slot taken a moment ago and shows it taken after reading the slots again', async () => {
    let taken = false;
    serve(() => [taken ? { ...early, available: false } : early]);
    post.mockImplementation(async () => {
      taken = true;
      return refused(409, 'slot-taken');
    });
    const user = userEvent.setup();
    render(withProviders(<FairSlotsSection fairId="fair" registered />));
    await user.click(await screen.findByRole('button', { name: /^Book / }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Someone else booked this meeting a moment ago/);
    expect(await screen.findByText('Taken')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Book / })).toBeNull();
  });

  it('offers no booking before registering', async () => {
    serve(() => [early]);
    render(withProviders(<FairSlotsSection fairId="fair" registered={false} />));
    expect(await screen.findByText('Register to book')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Book / })).toBeNull();
  });
});
