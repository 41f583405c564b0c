import { describe, expect, it } from 'vitest';
import { isoToLocal, localToIso, newCohortBody, questionLines } from './cohort-form';

describe('the create-cohort form', () => {
  it('turns local date-times into ISO instants and back', () => {
    const iso = localToIso('2027-01-10T09:30');
    expect(new Date(iso).getHours()).toBe(9);
    expect(isoToLocal(iso)).toBe('2027-01-10T09:30');
  });

  it('leaves an empty or unreadable date as typed, so the API names the field', () => {
    expect(localToIso('')).toBe('');
    expect(localToIso('soon')).toBe('soon');
  });

  it('reads one question per non-empty line, required ones first', () => {
    expect(questionLines(' Why?\n\n  How many hours? \n')).toEqual(['Why?', 'How many hours?']);
    const body = newCohortBody({ name: 'Evening', capacity: '25', requiredQuestions: 'Why?', optionalQuestions: 'Anything else?', unlockMode: 'schedule' }, ['v1']);
    expect(body).toMatchObject({ name: 'Evening', capacity: 25, courseVersionIds: ['v1'], unlockMode: 'schedule' });
    expect(body.questions).toEqual([
      { prompt: 'Why?', required: true },
      { prompt: 'Anything else?', required: false },
    ]);
  });
});
