import { describe, expect, it } from 'vitest';
import { isoToWallClock, wallClockToIso } from './fair-times';

describe('fair times', () => {
  it("reads a typed wall clock in the programme's zone, whatever the browser's zone", () => {
    expect(wallClockToIso('2027-03-12T09:00', 'America/Belize')).toBe('2027-03-12T15:00:00.000Z');
    expect(wallClockToIso('2027-03-12T09:00', 'Asia/Manila')).toBe('2027-03-12T01:00:00.000Z');
  });

  it('follows summer time on either side of a change', () => {
    expect(wallClockToIso('2027-01-15T10:00', 'America/New_York')).toBe('2027-01-15T15:00:00.000Z');
    expect(wallClockToIso('2027-07-15T10:00', 'America/New_York')).toBe('2027-07-15T14:00:00.000Z');
  });

  it('leaves what it cannot read for the API to refuse', () => {
    expect(wallClockToIso('', 'America/Belize')).toBe('');
    expect(wallClockToIso('next friday', 'America/Belize')).toBe('next friday');
  });

  it('shows an instant as the wall clock of the zone', () => {
    expect(isoToWallClock('2027-03-12T15:00:00.000Z', 'America/Belize')).toBe('2027-03-12 09:00');
  });
});
