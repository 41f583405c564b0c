// A browser far from Belize (UTC+5:30, no summer time): the dates must not follow it. Set before any
// Date is made; Node reads TZ again when it changes.
process.env.TZ = 'Asia/Kolkata';

import { describe, expect, it } from 'vitest';
import { newCohortBody, newCohortIssues, questionLines } from './cohort-form';
import { cohortDateInputs } from './cohort-edit';

const typed = { applicationsOpenAt: '2027-01-03T08:00', applicationsCloseAt: '2027-01-09T23:30', startsAt: '2027-01-10T18:00', endsAt: '2027-04-10T18:00' };

describe('the create-cohort form', () => {
  it('runs in a browser zone other than Belize', () => {
    expect(new Date('2027-01-10T00:00:00Z').getTimezoneOffset()).toBe(-330);
  });

  it("reads the dates as wall clocks of the cohort's zone, Belize by default, and sends the zone", () => {
    const body = newCohortBody({ ...typed }, ['v1']);
    expect(body.timeZone).toBe('America/Belize');
    expect(body.startsAt).toBe('2027-01-11T00:00:00.000Z');
    expect(body.applicationsOpenAt).toBe('2027-01-03T14:00:00.000Z');
    expect(body.endsAt).toBe('2027-04-11T00:00:00.000Z');
  });

  it('reads them in another chosen zone, with its own summer time', () => {
    const body = newCohortBody({ ...typed, timeZone: 'America/New_York' }, ['v1']);
    expect(body.timeZone).toBe('America/New_York');
    expect(body.startsAt).toBe('2027-01-10T23:00:00.000Z');
    expect(body.endsAt).toBe('2027-04-10T22:00:00.000Z');
  });

  it('shows on the edit form the times typed on the create form', () => {
    for (const timeZone of ['America/Belize', 'Europe/Madrid']) {
      const body = newCohortBody({ ...typed, timeZone }, ['v1']);
      expect(cohortDateInputs(body)).toEqual(typed);
    }
  });

  it('leaves an empty or unreadable date as typed, so the API names the field', () => {
    const body = newCohortBody({ ...typed, startsAt: '', endsAt: 'soon' }, ['v1']);
    expect(body.startsAt).toBe('');
    expect(body.endsAt).toBe('soon');
  });

  it('leaves the dates as typed under a zone the browser does not know, so the API refuses the zone by name', () => {
    const body = newCohortBody({ ...typed, timeZone: 'Mars/Olympus' }, ['v1']);
    expect(body).toMatchObject({ timeZone: 'Mars/Olympus', startsAt: '2027-01-10T18:00' });
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

  it('catches an end at or before the start, and a close at or before the open, in the zone typed; leaves unreadable dates to the API', () => {
    expect(newCohortIssues(newCohortBody({ ...typed }, ['v1']))).toEqual([]);
    expect(newCohortIssues(newCohortBody({ ...typed, endsAt: '2027-01-10T17:59' }, ['v1']))).toEqual(['endsAt:before-start']);
    expect(newCohortIssues(newCohortBody({ ...typed, endsAt: typed.startsAt }, ['v1']))).toEqual(['endsAt:before-start']);
    expect(newCohortIssues(newCohortBody({ ...typed, applicationsCloseAt: '2027-01-02T08:00' }, ['v1']))).toEqual(['applicationsCloseAt:before-open']);
    expect(newCohortIssues(newCohortBody({ ...typed, endsAt: '' }, ['v1']))).toEqual([]);
  });
});
