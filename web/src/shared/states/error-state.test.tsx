// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '@lingui/react';
import { activateLocale, i18n } from '../i18n/i18n';
import { ProblemError } from '../api/problem';
import { fieldErrorsOf } from '../ui/field-errors';
import { ErrorState, useErrorMessage } from './error-state';

const problem = (slug: string, status: number, detail: string, extra: Record<string, unknown> = {}) =>
  new ProblemError({ type: `https://gds-academy.dev/problems/${slug}`, title: 'Conflict', status, detail, ...extra });

function ActionMessage({ error }: { error: unknown }) {
  return <p data-testid="message">{useErrorMessage()(error)}</p>;
}

const inLanguage = (ui: React.ReactNode) => render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);

afterEach(() => activateLocale('en'));

describe('problems in the user\'s language', () => {
  it('shows a known problem (attempts used up) in Spanish, with its number, not the server\'s English detail', async () => {
    await activateLocale('es');
    inLanguage(<ErrorState error={problem('attempts-exhausted', 409, 'All 3 attempts this assessment allows are used.', { attemptsAllowed: 3 })} />);
    expect(screen.getByRole('alert').textContent).toContain('Ya usaste los 3 intentos que permite esta evaluación.');
    expect(screen.getByRole('alert').textContent).not.toContain('attempts');
  });

  it('says the same in English, for one attempt as for several', async () => {
    await activateLocale('en');
    inLanguage(<ActionMessage error={problem('attempts-exhausted', 409, 'The one attempt this assessment allows is used.', { attemptsAllowed: 1 })} />);
    expect(screen.getByTestId('message').textContent).toBe('You have used the one attempt this assessment allows.');
  });

  it('gives the day a locked module opens, in the user\'s language (wrong password and a closed cohort too)', async () => {
    await activateLocale('es');
    inLanguage(
      <>
        <ActionMessage error={problem('lesson-locked', 422, 'This lesson’s module is not open to you yet.', { opensAt: '2027-02-01T12:00:00.000Z' })} />
        <ActionMessage error={problem('invalid-credentials', 401, 'The email or password is not correct.')} />
        <ActionMessage error={problem('applications-closed', 422, 'This cohort is not taking applications now.')} />
      </>,
    );
    const [locked, credentials, closed] = screen.getAllByTestId('message').map((p) => p.textContent);
    expect(locked).toBe(`Este módulo todavía no está abierto para ti. Se abre el ${new Intl.DateTimeFormat('es', { dateStyle: 'medium' }).format(new Date('2027-02-01T12:00:00.000Z'))}.`);
    expect(credentials).toBe('El correo o la contraseña no son correctos.');
    expect(closed).toBe('Esta cohorte no acepta solicitudes ahora.');
  });

  it('falls back to the server\'s detail for a problem it does not know', async () => {
    await activateLocale('es');
    inLanguage(<ErrorState error={problem('some-new-rule', 422, 'A rule added on the server after this screen was written.')} />);
    expect(screen.getByRole('alert').textContent).toContain('A rule added on the server after this screen was written.');
  });

  it('puts the common field rules in the user\'s language and keeps any other message as the server wrote it', async () => {
    await activateLocale('es');
    const errors = fieldErrorsOf(
      new ProblemError({
        type: 'https://gds-academy.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'The request has invalid or unknown fields.',
        errors: [
          { field: 'email', message: 'email must be an email' },
          { field: 'displayName', message: 'displayName must be longer than or equal to 2 characters' },
          { field: 'answer', message: 'must not contain NUL characters or unpaired surrogates' },
        ],
      }),
    );
    expect(errors).toEqual({
      email: 'Escribe una dirección de correo, como nombre@ejemplo.com.',
      displayName: 'Usa al menos 2 caracteres.',
      answer: 'must not contain NUL characters or unpaired surrogates',
    });
  });
});
