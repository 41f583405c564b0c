// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';

const get = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args) } }));
const { PrerequisiteWaivers } = await import('./prerequisite-waivers');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => get.mockReset());

describe('the prerequisites waived in a cohort', () => {
  it('lists who was enrolled without which courses, when and by whom', async () => {
    get.mockResolvedValue({
      data: {
        items: [{
          id: 'w1', cohortId: 'c1', enrollmentId: 'e1', courseVersionId: 'v1', waivedAt: '2026-12-01T15:00:00.000Z',
          trainee: { id: 't1', displayName: 'Ana Cruz' }, waivedBy: { id: 'a1', displayName: 'Programme Admin' },
          courses: [{ courseId: 'k1', code: 'NET-101', title: 'Networking basics' }, { courseId: 'k2', code: '', title: 'Linux basics' }],
          reason: 'Ran our network for two years',
        }, {
          id: 'w0', cohortId: 'c1', enrollmentId: 'e0', courseVersionId: 'v1', waivedAt: '2026-11-01T15:00:00.000Z',
          trainee: { id: 't0', displayName: 'Ben Ode' }, waivedBy: { id: 'a1', displayName: 'Programme Admin' },
          courses: [{ courseId: 'k1', code: 'NET-101', title: 'Networking basics' }], reason: null,
        }],
        nextCursor: null,
      },
      response: new Response(null, { status: 200 }),
    });
    render(withProviders(<PrerequisiteWaivers cohortId="c1" />));
    const row = (await screen.findByRole('rowheader', { name: 'Ana Cruz' })).closest('tr')!;
    expect(within(row).getByText('NET-101 Networking basics, Linux basics')).toBeTruthy();
    expect(within(row).getByText('Programme Admin')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Reason' })).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Ran our network for two years' })).toBeTruthy();
    // A waiver from before reasons were asked for: a dash to the eye, words to a screen reader.
    const older = screen.getByRole('rowheader', { name: 'Ben Ode' }).closest('tr')!;
    expect(within(older).getByRole('cell', { name: 'No reason recorded' }).textContent).toBe('—No reason recorded');
    expect(get.mock.calls[0][0]).toBe('/api/v1/cohorts/{id}/prerequisite-waivers');
    expect(screen.queryByText(/most recent waivers/)).toBeNull();
  });

  it('says that only the most recent are shown when there are more', async () => {
    const waiver = {
      id: 'w1', cohortId: 'c1', enrollmentId: 'e1', courseVersionId: 'v1', waivedAt: '2026-12-01T15:00:00.000Z',
      trainee: { id: 't1', displayName: 'Ana Cruz' }, waivedBy: { id: 'a1', displayName: 'Programme Admin' }, courses: [{ courseId: 'k1', code: 'NET-101', title: 'Networking basics' }], reason: 'Equivalent experience',
    };
    get.mockResolvedValue({ data: { items: [waiver], nextCursor: 'next' }, response: new Response(null, { status: 200 }) });
    render(withProviders(<PrerequisiteWaivers cohortId="c1" />));
    expect(await screen.findByText('Showing the 100 most recent waivers.')).toBeTruthy();
  });

  it('says when none was waived', async () => {
    get.mockResolvedValue({ data: { items: [], nextCursor: null }, response: new Response(null, { status: 200 }) });
    render(withProviders(<PrerequisiteWaivers cohortId="c1" />));
    expect(await screen.findByText('No prerequisites have been waived in this cohort.')).toBeTruthy();
  });
});
