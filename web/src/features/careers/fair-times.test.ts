import { describe, expect, it } from 'vitest';
import { formatMoment, formatTimeRange } from './fair-times';

describe('formatTimeRange', () => {
  it("shows a meeting in the person's time zone, naming it", () => {
    // 15:00 UTC is 9:00 in Belize (UTC-6, no daylight saving).
    const text = formatTimeRange('2026-12-08T15:00:00Z', '2026-12-08T15:30:00Z', 'en', 'America/Belize');
    expect(text).toMatch(/9:00/);
    expect(text).toMatch(/9:30/);
    expect(text).toMatch(/CST|GMT-6/);
    expect(text).toMatch(/Dec/);
  });

  it('moves the day with the zone', () => {
    expect(formatTimeRange('2026-12-08T23:30:00Z', '2026-12-09T00:30:00Z', 'en', 'Asia/Tokyo')).toMatch(/Dec 9/);
    expect(formatTimeRange('2026-12-08T23:30:00Z', '2026-12-09T00:30:00Z', 'en', 'America/Belize')).toMatch(/Dec 8/);
  });

  it('speaks the language asked for', () => {
    expect(formatTimeRange('2026-12-08T15:00:00Z', '2026-12-08T15:30:00Z', 'es', 'America/Belize')).toMatch(/dic/);
  });

  it('falls back to the device zone for a zone the browser does not know', () => {
    expect(() => formatTimeRange('2026-12-08T15:00:00Z', '2026-12-08T15:30:00Z', 'en', 'Mars/Olympus')).not.toThrow();
  });
});

describe('formatMoment', () => {
  it('shows one moment in the zone and language', () => {
    expect(formatMoment('2026-12-08T15:00:00Z', 'en', 'America/Belize')).toMatch(/Dec 8, 2026.*9:00.*(CST|GMT-6)/);
    expect(formatMoment('2026-12-08T15:00:00Z', 'es', 'America/Belize')).toMatch(/dic/);
  });
});
