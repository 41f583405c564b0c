import { describe, expect, it } from 'vitest';
import { wallClockToIso } from './zone-clock';

/*
 * One rule in every zone for wall-clock times a daylight-saving change skips or repeats (the API's,
 * libs/time instantOf): a skipped time moves forward by the gap, a repeated time is its earlier instant.
 */
describe('wall clocks in skipped and repeated hours', () => {
  it('moves a time in a spring-forward gap forward by the gap, west and east of UTC', () => {
    // New York skips 02:00–03:00 on 8 March 2026: 02:30 is 03:30 EDT (07:30Z), not 01:30 EST.
    expect(wallClockToIso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // London skips 01:00–02:00 on 29 March 2026: 01:30 is 02:30 BST (01:30Z).
    expect(wallClockToIso('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    // The edges: the first skipped minute and the first real one after the gap.
    expect(wallClockToIso('2026-03-08T02:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(wallClockToIso('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the earlier instant of a time a fall-back repeats, west and east of UTC', () => {
    // New York repeats 01:00–02:00 on 1 November 2026: 01:30 EDT (05:30Z), not EST (06:30Z).
    expect(wallClockToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    // London repeats 01:00–02:00 on 25 October 2026: 01:30 BST (00:30Z), not GMT (01:30Z).
    expect(wallClockToIso('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('leaves a zone without daylight saving time alone on those days', () => {
    for (const day of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
      expect(wallClockToIso(`${day}T02:30`, 'America/Belize')).toBe(`${day}T08:30:00.000Z`);
    }
  });
});
