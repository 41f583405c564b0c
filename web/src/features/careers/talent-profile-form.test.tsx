// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';

// The API client is replaced: this test is about what is sent when the person lists their profile.
const put = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { PUT: (...args: unknown[]) => put(...args), GET: vi.fn() } }));
const { TalentProfileForm } = await import('./talent-profile-form');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });


afterEach(() => put.mockReset());

describe('TalentProfileForm', () => {
  it('lists the profile with the roles as a list, repeats dropped', async () => {
    put.mockResolvedValue({ data: { listed: true }, response: new Response(null, { status: 200 }) });
    const user = userEvent.setup();
    render(withProviders(<TalentProfileForm profile={null} />));
    await user.type(screen.getByLabelText('A few words for employers'), 'I read alerts.');
    await user.selectOptions(screen.getByLabelText('When you could start'), 'open_to_offers');
    await user.type(screen.getByLabelText('Roles you want'), 'SOC analyst, IT support, soc analyst');
    await user.click(screen.getByRole('button', { name: 'List my profile' }));
    expect(put).toHaveBeenCalledWith('/api/v1/me/talent-profile', { body: { statement: 'I read alerts.', availability: 'open_to_offers', preferredRoles: ['SOC analyst', 'IT support'] } });
    expect(await screen.findByText('Saved. Your profile is listed.')).toBeTruthy();
  });

  it('says there are too many roles under the field and sends nothing', async () => {
    const user = userEvent.setup();
    render(withProviders(<TalentProfileForm profile={null} />));
    await user.type(screen.getByLabelText('Roles you want'), 'a, b, c, d, e, f');
    await user.click(screen.getByRole('button', { name: 'List my profile' }));
    expect(screen.getByText('Name at most 5 roles.')).toBeTruthy();
    expect(screen.getByLabelText('Roles you want').getAttribute('aria-invalid')).toBe('true');
    expect(put).not.toHaveBeenCalled();
  });

  it("shows the API's field errors under their fields", async () => {
    put.mockResolvedValue({
      error: { type: 'https://gds.academy/problems/validation', title: 'Bad request', status: 400, errors: [{ field: 'statement', message: 'statement must be a string' }] },
      response: new Response(null, { status: 400 }),
    });
    const user = userEvent.setup();
    render(withProviders(<TalentProfileForm profile={null} />));
    await user.click(screen.getByRole('button', { name: 'List my profile' }));
    expect(await screen.findByText('statement must be a string')).toBeTruthy();
    expect(screen.getByLabelText('A few words for employers').getAttribute('aria-invalid')).toBe('true');
  });
});
