import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The API client is replaced: this test is about what the confirmation says and what is sent.
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { POST: (...args: unknown[]) => post(...args), GET: vi.fn() } }));
const { MessageComposer } = await import('./message-composer');

i18n.loadAndActivate({ locale: 'en', messages: {} });
// jsdom has no CSS.escape, which React Aria's modal uses; browsers all do.
if (!globalThis.CSS?.escape) Object.assign(globalThis, { CSS: { ...globalThis.CSS, escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) } });
vi.setConfig({ testTimeout: 60_000 });

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}

const answered = (recipientCount: number) => ({ data: { id: 'a', recipientCount }, error: undefined, response: new Response(null, { status: 201 }) });

afterEach(() => post.mockReset());

describe('MessageComposer: announcing to graduates too', () => {
  it('sends to active trainees only unless the box is ticked, and says so before sending', async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(answered(2));
    render(wrap(<MessageComposer cohortId="c" recipients={[]} onSent={() => {}} />));
    const box = screen.getByRole('checkbox', { name: 'Also send to trainees who have completed the cohort' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('include-completed-help');
    expect(document.getElementById('include-completed-help')?.textContent).toContain('only trainees still taking the cohort');

    await user.type(screen.getByLabelText('Subject'), 'Fair');
    await user.type(screen.getByLabelText('Message'), 'Employers on Friday.');
    await user.click(screen.getByRole('button', { name: 'Announce to the whole cohort' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('It goes to every active trainee of the cohort.');
    await user.click(screen.getByRole('button', { name: 'Announce' }));
    await screen.findByText('Sent to 2 trainees.');
    expect(post).toHaveBeenLastCalledWith('/api/v1/cohorts/{id}/announcements', {
      params: { path: { id: 'c' } },
      body: { subject: 'Fair', body: 'Employers on Friday.', audience: 'cohort', includeCompleted: false },
    });

    post.mockResolvedValue(answered(5));
    await user.click(box);
    await user.type(screen.getByLabelText('Subject'), 'Fair');
    await user.type(screen.getByLabelText('Message'), 'Graduates welcome.');
    await user.click(screen.getByRole('button', { name: 'Announce to the whole cohort' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('It goes to every active trainee of the cohort and to every trainee who has completed it.');
    await user.click(screen.getByRole('button', { name: 'Announce' }));
    await screen.findByText('Sent to 5 trainees.');
    expect(post).toHaveBeenLastCalledWith('/api/v1/cohorts/{id}/announcements', expect.objectContaining({ body: expect.objectContaining({ audience: 'cohort', includeCompleted: true }) }));
  });
});
