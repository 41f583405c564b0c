import { describe, expect, it } from 'vitest';
import { cohortDateInputs, cohortEditBody } from './cohort-edit';

const cohort = {
  applicationsOpenAt: '2027-01-01T15:00:00.000Z',
  applicationsCloseAt: '2027-01-20T15:00:00.000Z',
  startsAt: '2027-02-01T14:00:30.000Z',
  endsAt: '2027-05-01T14:00:00.000Z',
  timeZone: 'America/Belize',
};

describe('the cohort edit form', () => {
  it("shows every date as the wall clock of the cohort's zone, whatever the browser's", () => {
    expect(cohortDateInputs(cohort)).toEqual({
      applicationsOpenAt: '2027-01-01T09:00',
      applicationsCloseAt: '2027-01-20T09:00',
      startsAt: '2027-02-01T08:00',
      endsAt: '2027-05-01T08:00',
    });
  });

  it('leaves an untouched start and end out of the body (the seconds the input drops would move them)', () => {
    const { body, issues } = cohortEditBody({ name: 'Evening', capacity: '30', ...cohortDateInputs(cohort) }, cohort);
    expect(body).toEqual({ name: 'Evening', capacity: 30, applicationsOpenAt: cohort.applicationsOpenAt, applicationsCloseAt: cohort.applicationsCloseAt });
    expect(issues).toEqual([]);
  });

  it("sends a changed start and end as instants read in the cohort's zone", () => {
    const { body } = cohortEditBody({ ...cohortDateInputs(cohort), startsAt: '2027-01-25T08:00', endsAt: '2027-06-01T17:30' }, cohort);
    expect(body.startsAt).toBe('2027-01-25T14:00:00.000Z');
    expect(body.endsAt).toBe('2027-06-01T23:30:00.000Z');
  });

  it('names an end not after the start, and a close not after the opening, before asking the API', () => {
    const inputs = cohortDateInputs(cohort);
    expect(cohortEditBody({ ...inputs, endsAt: '2027-01-31T08:00' }, cohort).issues).toEqual(['endsAt:before-start']);
    // A start moved past the kept end is caught as well.
    expect(cohortEditBody({ ...inputs, startsAt: '2027-06-01T08:00' }, cohort).issues).toEqual(['endsAt:before-start']);
    expect(cohortEditBody({ ...inputs, applicationsCloseAt: inputs.applicationsOpenAt }, cohort).issues).toEqual(['applicationsCloseAt:before-open']);
  });

  it('leaves an unreadable date as typed for the API to refuse by name', () => {
    const { body, issues } = cohortEditBody({ ...cohortDateInputs(cohort), startsAt: '' }, cohort);
    expect(body.startsAt).toBe('');
    expect(issues).toEqual([]);
  });
});
