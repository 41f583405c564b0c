import { isDateTime } from './is-date-time.validator';

describe('isDateTime', () => {
  it('takes calendar date-times and dates that Date reads', () => {
    for (const value of ['2026-12-10T09:00:00Z', '2026-12-10T09:00:00.000-06:00', '2026-12-10T09:00Z', '2026-12-10']) expect([value, isDateTime(value)]).toEqual([value, true]);
  });

  it('refuses week and ordinal dates, impossible dates and anything not a string', () => {
    for (const value of ['2025-W01-1', '2025-W01-1T09:00:00Z', '2025-001', '2025-001T09:00Z', '2027-02-31T00:00:00Z', 'next week', '', 1796893200000, null]) {
      expect([value, isDateTime(value)]).toEqual([value, false]);
    }
  });
});
