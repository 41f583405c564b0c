// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';

// The API client and the router are replaced: this test is about where focus goes when more history arrives.
const get = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args) } }));
vi.mock('@tanstack/react-router', () => ({ Link: ({ children }: { children: ReactNode }) => <a href="/">{children}</a>, useParams: () => ({ userId: 'u1' }) }));
const { PersonScreen } = await import('./person-screen');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

afterEach(() => get.mockReset());

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
const person = { id: 'u1', email: 'vera@gds.test', displayName: 'Vera Invited', roles: ['reviewer'], active: true, language: 'en', timeZone: 'UTC', organisationId: null, createdAt: '2030-01-01T08:00:00Z' };
const change = (n: number) => ({ id: `rc${n}`, changedAt: '2030-01-02T08:00:00Z', action: 'roles', rolesAfter: ['reviewer'], reason: `Reason ${n}` });

describe("a person's history", () => {
  it('moves focus to the first earlier change once it is shown, as the button goes with the last page', async () => {
    const firstPage = Array.from({ length: 20 }, (_, i) => change(i + 1));
    get.mockImplementation((path: string, options: { params: { query?: { cursor?: string } } }) => {
      if (path === '/api/v1/users/{id}') return Promise.resolve(ok(person));
      if (options.params.query?.cursor === 'page-2') return Promise.resolve(ok({ items: [change(21), change(22)], nextCursor: null }));
      return Promise.resolve(ok({ items: firstPage, nextCursor: 'page-2' }));
    });
    render(withProviders(<PersonScreen />));
    const more = await screen.findByRole('button', { name: 'Show earlier changes' });
    const user = userEvent.setup();
    more.focus();
    await user.keyboard('{Enter}');
    const arrived = await screen.findByRole('row', { name: /Reason 21/ });
    expect(screen.queryByRole('button', { name: 'Show earlier changes' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(arrived));
    expect(arrived.getAttribute('tabindex')).toBe('-1');
  });
});
