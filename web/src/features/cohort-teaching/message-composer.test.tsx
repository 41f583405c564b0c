// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';

// The API client is replaced: this test is about what the confirmation says and what is sent.
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { POST: (...args: unknown[]) => post(...args), GET: vi.fn() } }));
const { MessageComposer } = await import('./message-composer');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });


const answered = (recipientCount: number) => ({ data: { id: 'a', recipientCount }, error: undefined, response: new Response(null, { status: 201 }) });

afterEach(() => post.mockReset());

describe('MessageComposer: announcing to graduates too', () => {
  it('sends to active trainees only unless the box is ticked, and says so before sending', async () => {
    const user = userEvent.setup();
    post.mockResolvedValue(answered(2));
    render(withProviders(<MessageComposer cohortId="c" recipients={[]} onSent={() => {}} />));
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
