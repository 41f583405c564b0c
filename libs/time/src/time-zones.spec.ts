import { addLocalDays, DEFAULT_TIME_ZONE, formatForReader, instantOf, isoInZone, isTimeZone, lastLocalHour, lastLocalWeekday, localDate, offsetMinutesAt, startOfLocalDay, wallClockAt } from './time-zones';

const at = (iso: string) => new Date(iso);

describe('time zones', () => {
  it('accepts the zones Intl supports and nothing else', () => {
    for (const name of [DEFAULT_TIME_ZONE, 'America/New_York', 'Europe/Madrid', 'UTC', 'Asia/Kolkata']) expect(isTimeZone(name)).toBe(true);
    for (const name of ['', 'Belize', 'America/Nowhere', 'utc+6', '+06:00', 'America/Belize ', 'x'.repeat(65), 42, null, undefined]) expect(isTimeZone(name)).toBe(false);
  });

  it('Belize is UTC−6 all year (no daylight saving time)', () => {
    expect(offsetMinutesAt(at('2026-01-15T12:00:00Z'), 'America/Belize')).toBe(-360);
    expect(offsetMinutesAt(at('2026-07-15T12:00:00Z'), 'America/Belize')).toBe(-360);
    expect(isoInZone(at('2026-12-06T05:30:00Z'), 'America/Belize')).toBe('2026-12-05T23:30:00-06:00');
    // 05:30 UTC is still the evening before in Belize: the calendar day is the 5th.
    expect(localDate(at('2026-12-06T05:30:00Z'), 'America/Belize')).toBe('2026-12-05');
    expect(startOfLocalDay(at('2026-12-06T05:30:00Z'), 'America/Belize').toISOString()).toBe('2026-12-05T06:00:00.000Z');
    expect(addLocalDays(at('2026-03-01T15:00:00Z'), 14, 'America/Belize').toISOString()).toBe('2026-03-15T15:00:00.000Z');
  });

  it('follows a daylight-saving zone across its changes (New York, 8 March and 1 November 2026)', () => {
    expect(offsetMinutesAt(at('2026-03-07T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutesAt(at('2026-03-09T12:00:00Z'), 'America/New_York')).toBe(-240);
    // 09:00 on Saturday stays 09:00 a day later, across the spring-forward night: 23 hours apart.
    const saturday = at('2026-03-07T14:00:00Z');
    const sunday = addLocalDays(saturday, 1, 'America/New_York');
    expect(isoInZone(sunday, 'America/New_York')).toBe('2026-03-08T09:00:00-04:00');
    expect(sunday.getTime() - saturday.getTime()).toBe(23 * 3_600_000);
    // The day of the change is 23 hours long; the day of the fall-back, 25.
    expect(startOfLocalDay(at('2026-03-08T20:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay(at('2026-03-09T20:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(addLocalDays(at('2026-10-31T13:00:00Z'), 1, 'America/New_York').toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('reads wall-clock times in skipped and repeated hours the way people mean them', () => {
    // 02:30 does not exist on 8 March 2026 in New York: read with the offset from before, it is 03:30 EDT.
    expect(isoInZone(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/New_York'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    // 01:30 happens twice on 1 November 2026: the first time (EDT).
    expect(instantOf({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(wallClockAt(at('2026-11-01T06:30:00Z'), 'America/New_York')).toMatchObject({ hour: 1, minute: 30 });
  });

  it('applies one rule in every zone: a skipped time moves forward by the gap, a repeated time is the earlier instant', () => {
    const wall = (month: number, day: number, hour: number, minute: number) => ({ year: 2026, month, day, hour, minute, second: 0 });
    // Spring forward, west and east of UTC: New York skips 02:00–03:00 (8 March), London 01:00–02:00 (29 March).
    expect(instantOf(wall(3, 8, 2, 30), 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(instantOf(wall(3, 8, 2, 0), 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantOf(wall(3, 29, 1, 30), 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(isoInZone(instantOf(wall(3, 29, 1, 30), 'Europe/London'), 'Europe/London')).toBe('2026-03-29T02:30:00+01:00');
    // Fall back: the summer-time occurrence of the repeated hour, in both.
    expect(instantOf(wall(11, 1, 1, 30), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOf(wall(10, 25, 1, 30), 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // A zone without daylight saving time reads those wall clocks plainly.
    for (const [month, day] of [[3, 8], [3, 29], [10, 25], [11, 1]]) {
      expect(instantOf(wall(month, day, 2, 30), 'America/Belize').toISOString()).toBe(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:30:00.000Z`);
    }
  });

  it('keeps milliseconds, and a month boundary, when moving by days', () => {
    expect(addLocalDays(at('2026-01-31T18:00:00.250Z'), 1, 'America/Belize').toISOString()).toBe('2026-02-01T18:00:00.250Z');
    expect(addLocalDays(at('2026-12-31T23:00:00Z'), -1, 'UTC').toISOString()).toBe('2026-12-30T23:00:00.000Z');
  });

  it('finds the last daily boundary (an hour of the wall clock) at or before now, per zone', () => {
    // 12:30 UTC is 06:30 in Belize: 07:00 has not come, so yesterday's 07:00 (13:00 UTC) is the last one.
    expect(lastLocalHour(at('2026-12-06T12:30:00Z'), 'America/Belize', 7).toISOString()).toBe('2026-12-05T13:00:00.000Z');
    expect(lastLocalHour(at('2026-12-06T13:00:00Z'), 'America/Belize', 7).toISOString()).toBe('2026-12-06T13:00:00.000Z');
    // The same instant is past 07:00 in Madrid (13:30 there).
    expect(lastLocalHour(at('2026-12-06T12:30:00Z'), 'Europe/Madrid', 7).toISOString()).toBe('2026-12-06T06:00:00.000Z');
    // Across New York's spring-forward night, yesterday's 07:00 was EST.
    expect(lastLocalHour(at('2026-03-08T10:00:00Z'), 'America/New_York', 7).toISOString()).toBe('2026-03-07T12:00:00.000Z');
  });

  it('finds the last weekly boundary (a weekday and hour of the wall clock) at or before now, per zone', () => {
    // Sunday 6 December 2026, 21:59 UTC: 06:59 on Monday the 7th in Tokyo, 15:59 on Sunday in Belize.
    expect(lastLocalWeekday(at('2026-12-06T21:59:00Z'), 'Asia/Tokyo', 1, 7).toISOString()).toBe('2026-11-29T22:00:00.000Z');
    expect(lastLocalWeekday(at('2026-12-06T22:00:00Z'), 'Asia/Tokyo', 1, 7).toISOString()).toBe('2026-12-06T22:00:00.000Z');
    expect(lastLocalWeekday(at('2026-12-06T22:00:00Z'), 'America/Belize', 1, 7).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    expect(lastLocalWeekday(at('2026-12-07T13:00:00Z'), 'America/Belize', 1, 7).toISOString()).toBe('2026-12-07T13:00:00.000Z');
    // Later in the week, and on another weekday (Friday 17:00).
    expect(lastLocalWeekday(at('2026-12-10T03:00:00Z'), 'America/Belize', 1, 7).toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(lastLocalWeekday(at('2026-12-10T03:00:00Z'), 'America/Belize', 5, 17).toISOString()).toBe('2026-12-04T23:00:00.000Z');
    // Across New York's spring-forward (Sunday 8 March 2026): Monday 07:00 is EDT on the 9th, EST on the 2nd.
    expect(lastLocalWeekday(at('2026-03-09T11:00:00Z'), 'America/New_York', 1, 7).toISOString()).toBe('2026-03-09T11:00:00.000Z');
    expect(lastLocalWeekday(at('2026-03-09T10:59:00Z'), 'America/New_York', 1, 7).toISOString()).toBe('2026-03-02T12:00:00.000Z');
  });

  it('writes a moment in the reader’s language and zone, naming the zone', () => {
    const moment = at('2026-12-07T15:00:00Z');
    expect(formatForReader(moment, 'en', 'America/Belize')).toBe('December 7, 2026 at 9:00 AM (America/Belize)');
    expect(formatForReader(moment, 'es', 'Europe/Madrid')).toBe('7 de diciembre de 2026 a las 16:00 (Europe/Madrid)');
  });
});

describe('time zones, read cheaply (issue 23)', () => {
  const partsOf = (instant: Date, formatter: Intl.DateTimeFormat) => {
    const parts: Record<string, number> = {};
    for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  };

  it('reads the same wall clock from the formatted text as from its parts, in every kind of zone and year', () => {
    const zones = ['America/Belize', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    const instants = ['2026-03-08T06:59:59.999Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z', '2026-12-31T23:59:59Z', '0005-06-01T12:00:00Z', '1912-04-01T05:00:00Z', '+019999-12-31T12:00:00Z'].map(at);
    for (let hour = 0; hour < 24 * 400; hour += 37) instants.push(new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000 + 1234));
    for (const zone of zones) {
      const formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      for (const instant of instants) expect([zone, instant.toISOString(), wallClockAt(instant, zone)]).toEqual([zone, instant.toISOString(), partsOf(instant, formatter)]);
    }
  });

  it('falls back to the parts when the formatted text has another shape', () => {
    // `format` is a getter answering the bound function: replaced for this test only.
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!;
    let formatted = 0;
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', { configurable: true, get: () => () => (formatted++, 'December 7, 2026 at 5:29:18 AM') });
    try {
      expect(wallClockAt(at('2026-12-07T11:29:18Z'), 'America/Belize')).toEqual({ year: 2026, month: 12, day: 7, hour: 5, minute: 29, second: 18 });
      expect(formatted).toBe(1);
    } finally {
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', original);
    }
  });

  it('answers a remembered move of days as it first did, each time as a Date of its own', () => {
    const start = at('2026-03-01T15:00:00.250Z');
    const first = addLocalDays(start, 7, 'America/New_York');
    first.setUTCFullYear(1999);
    const again = addLocalDays(start, 7, 'America/New_York');
    // 10:00 EST on 1 March is 10:00 EDT on the 8th: one hour less than 7 × 24.
    expect(again.toISOString()).toBe('2026-03-08T14:00:00.250Z');
    expect(addLocalDays(start, 7, 'America/Belize').toISOString()).toBe('2026-03-08T15:00:00.250Z');
    expect(addLocalDays(start, -7, 'America/New_York').toISOString()).toBe('2026-02-22T15:00:00.250Z');
  });

  it('stays right past the number of moves it remembers', () => {
    const base = Date.UTC(2026, 0, 1, 15);
    for (let i = 0; i < 5000; i++) addLocalDays(new Date(base + i * 60_000), 1, 'Europe/London');
    // 1 January 15:00 + 100 days in London is 11 April 15:00 BST, 14:00 UTC.
    expect(addLocalDays(new Date(base), 100, 'Europe/London').toISOString()).toBe('2026-04-11T14:00:00.000Z');
    expect(addLocalDays(new Date(base + 4999 * 60_000), 1, 'Europe/London').toISOString()).toBe(new Date(base + 4999 * 60_000 + 86_400_000).toISOString());
  });

  it('keeps a move asked again and again while one-off moves from a new `now` each time come and go', () => {
    // A cohort's schedule (read on every trainee page) against a reminder's "tomorrow" from each `now`.
    const opens = at('2026-03-01T15:00:00.250Z');
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!;
    let formatted = 0;
    const scheduleRead = () => {
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
        configurable: true,
        get(this: Intl.DateTimeFormat) {
          const format = (original.get as (this: Intl.DateTimeFormat) => (date?: Date) => string).call(this);
          return (date?: Date) => (formatted++, format(date));
        },
      });
      try {
        return addLocalDays(opens, 7, 'America/New_York').toISOString();
      } finally {
        Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', original);
      }
    };
    addLocalDays(opens, 7, 'America/New_York');
    const now = Date.UTC(2026, 5, 1, 12);
    for (let i = 1; i <= 12_000; i++) {
      addLocalDays(new Date(now + i * 1_000), 1, 'America/Belize');
      if (i % 1_000 === 0) expect(scheduleRead()).toBe('2026-03-08T14:00:00.250Z');
    }
    // Three times the bound of one-off moves went by; the schedule's move was never worked out again.
    expect(formatted).toBe(0);
  });
});
