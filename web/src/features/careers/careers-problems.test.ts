import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { ProblemError, UnreachableError } from '../../shared/api/problem';
import { careersErrorText, isProblemOf } from './careers-problems';

const problem = (slug: string, status: number, detail = 'The server says so.') => new ProblemError({ type: `https://gds.academy/problems/${slug}`, title: 'Refused', status, detail });

describe('careersErrorText', () => {
  beforeAll(() => {
    i18n.load('en', {});
    i18n.activate('en');
  });

  it('explains the refusals of the career screens in words', () => {
    expect(careersErrorText(problem('nothing-to-list', 422))).toMatch(/enrolled/);
    expect(careersErrorText(problem('slot-taken', 409))).toMatch(/Someone else booked this meeting/);
    expect(careersErrorText(problem('booking-clash', 409))).toMatch(/already have a meeting booked at that time/);
    expect(careersErrorText(problem('fair-not-eligible', 422))).toMatch(/List your profile first/);
  });

  it('falls back to the shared messages, then to the server detail', () => {
    expect(careersErrorText(problem('not-found', 404))).toMatch(/Check the link/);
    expect(careersErrorText(problem('something-new', 422, 'A new rule.'))).toBe('A new rule.');
  });

  it('says when the server cannot be reached', () => {
    expect(careersErrorText(new UnreachableError())).toMatch(/can't reach/);
  });

  it('recognises a problem by its slug', () => {
    expect(isProblemOf(problem('slot-taken', 409), 'slot-taken')).toBe(true);
    expect(isProblemOf(problem('booking-clash', 409), 'slot-taken')).toBe(false);
    expect(isProblemOf(new Error('x'), 'slot-taken')).toBe(false);
  });
});
