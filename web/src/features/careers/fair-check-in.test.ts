import { describe, expect, it } from 'vitest';
import { checkInLater, checkInOpen } from './fair-check-in';

const fair = { startsAt: '2026-12-10T15:00:00Z', endsAt: '2026-12-10T21:00:00Z' };

describe('checkInOpen', () => {
  it('opens two hours before the start and closes at the end', () => {
    expect(checkInOpen(fair, new Date('2026-12-10T12:59:59Z'))).toBe(false);
    expect(checkInOpen(fair, new Date('2026-12-10T13:00:00Z'))).toBe(true);
    expect(checkInOpen(fair, new Date('2026-12-10T18:00:00Z'))).toBe(true);
    expect(checkInOpen(fair, new Date('2026-12-10T21:00:00Z'))).toBe(true);
    expect(checkInOpen(fair, new Date('2026-12-10T21:00:01Z'))).toBe(false);
  });

  it('is still to come only before it opens', () => {
    expect(checkInLater(fair, new Date('2026-12-09T12:00:00Z'))).toBe(true);
    expect(checkInLater(fair, new Date('2026-12-10T14:00:00Z'))).toBe(false);
    expect(checkInLater(fair, new Date('2026-12-11T00:00:00Z'))).toBe(false);
  });
});
