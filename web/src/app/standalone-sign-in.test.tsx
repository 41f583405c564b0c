// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { activateLocale, i18n } from '../shared/i18n/i18n';
import { session } from '../shared/auth/session';
import { ProblemError } from '../shared/api/problem';
import { StandaloneSignIn } from './standalone-sign-in';

beforeAll(() => activateLocale('en'));

const fill = () => {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'rey@example.test' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long enough password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('the sign-in screen before the router has loaded', () => {
  it('is the same screen in the same frame, and its links hand over to the full app', () => {
    const navigate = vi.fn(() => Promise.resolve());
    render(<StandaloneSignIn i18n={i18n} search={{ expired: true }} navigate={navigate} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Your session has ended');
    const register = screen.getByRole('link', { name: 'New here? Create an account' });
    expect(register.getAttribute('href')).toBe('/app/register');
    fireEvent.click(register);
    fireEvent.click(screen.getByRole('link', { name: 'GDS Academy, home' }));
    // A click with a modifier (new tab) is the browser's.
    fireEvent.click(screen.getByRole('link', { name: 'Forgot your password?' }), { ctrlKey: true });
    expect(navigate.mock.calls).toEqual([['/register'], ['/']]);
  });

  it('signs in, then hands over at the page it was asked for', async () => {
    const signIn = vi.spyOn(session, 'signIn').mockResolvedValue({ id: 'u1', roles: ['trainee'] } as never);
    const navigate = vi.fn(() => Promise.resolve());
    render(<StandaloneSignIn i18n={i18n} search={{ redirect: '/courses/42' }} navigate={navigate} />);
    fill();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/courses/42'));
    expect(signIn).toHaveBeenCalledWith('rey@example.test', 'a long enough password', expect.any(Function));
  });

  it('shows a refused sign-in with its reason, keeps what was typed and stays', async () => {
    vi.spyOn(session, 'signIn').mockRejectedValue(
      new ProblemError({ type: 'https://gds-academy.dev/problems/invalid-credentials', title: 'Unauthorized', status: 401, detail: 'The email or password is not correct.' }),
    );
    const navigate = vi.fn(() => Promise.resolve());
    render(<StandaloneSignIn i18n={i18n} search={{}} navigate={navigate} />);
    fill();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/email or password/i));
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('rey@example.test');
    expect(navigate).not.toHaveBeenCalled();
  });
});
