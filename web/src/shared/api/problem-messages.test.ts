import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../i18n/i18n';
import { ProblemError } from './problem';
import { problemText } from './problem-messages';

const notMet = (missingCourses?: unknown) =>
  new ProblemError({
    type: 'https://gds-academy.dev/problems/prerequisites-not-met',
    title: 'Unprocessable',
    status: 422,
    detail: 'The trainee has not completed every prerequisite of Threat hunting: Networking basics. An admin can waive the prerequisites and enroll them anyway.',
    ...(missingCourses === undefined ? {} : { missingCourses }),
  } as ProblemError['problem']);

afterEach(() => activateLocale('en'));

describe('prerequisites-not-met', () => {
  const two = [{ courseId: 'a', code: 'NET', title: 'Networking basics' }, { courseId: 'b', code: 'LNX', title: 'Linux basics' }];

  it('names the missing courses by title, in English', async () => {
    await activateLocale('en');
    expect(problemText(notMet(two))).toBe('These prerequisite courses must be completed first: Networking basics and Linux basics.');
    expect(problemText(notMet(two.slice(0, 1)))).toBe('This prerequisite course must be completed first: Networking basics.');
  });

  it('names them in Spanish, not in the server\'s English', async () => {
    await activateLocale('es');
    expect(problemText(notMet(two))).toBe('Primero hay que completar estos cursos previos requeridos: Networking basics y Linux basics.');
    expect(problemText(notMet(two.slice(0, 1)))).toBe('Primero hay que completar este curso previo requerido: Networking basics.');
  });

  it('still says what to do when the courses are not given', async () => {
    await activateLocale('en');
    expect(problemText(notMet())).toBe('Every prerequisite course must be completed first.');
    expect(problemText(notMet([{ courseId: 'x' }, 'junk']))).toBe('Every prerequisite course must be completed first.');
  });
});
