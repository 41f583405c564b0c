import { describe, expect, it } from 'vitest';
import { checkInOpen, isoToLocalInput, localInputToIso } from './slot-times';

describe('slot times', () => {
  it('sends the time typed on the person’s clock as an instant with its offset', () => {
    const typed = '2026-12-07T10:30';
    const iso = localInputToIso(typed);
    expect(iso).toMatch(/Z$/);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 11, 7, 10, 30).getTime());
    expect(isoToLocalInput(iso)).toBe(typed);
  });

  it('sends an empty or unreadable value as typed, for the API to name the field', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('soon')).toBe('soon');
  });
});

describe('checkInOpen', () => {
  const fair = { startsAt: '2026-12-10T09:00:00Z', endsAt: '2026-12-10T15:00:00Z' };
  it('takes check-ins from two hours before the start until the end', () => {
    expect(checkInOpen(fair, new Date('2026-12-10T06:59:59Z'))).toBe(false);
    expect(checkInOpen(fair, new Date('2026-12-10T07:00:00Z'))).toBe(true);
    expect(checkInOpen(fair, new Date('2026-12-10T15:00:00Z'))).toBe(true);
    expect(checkInOpen(fair, new Date('2026-12-10T15:00:01Z'))).toBe(false);
  });
});
