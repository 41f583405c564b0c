/**
 * Zone arithmetic on `Intl.DateTimeFormat` alone: the time zone database Node ships is the one the
 * whole app uses, so no second copy (a library's) can disagree with it. Instants stay `Date`s (UTC);
 * a zone only decides which calendar day and which wall-clock time an instant is for people there.
 */

import { LRUCache } from 'lru-cache';

/** Where the programme runs: Belize, UTC−6 all year (no daylight saving time). */
export const DEFAULT_TIME_ZONE = 'America/Belize';

/** A calendar day and wall-clock time in some zone (months 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

let supported: ReadonlySet<string> | null = null;

/** Names Intl supports (IANA, canonical and the aliases it knows), plus `UTC` which it may list only as an alias. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  supported ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (supported.has(name)) return true;
  // Aliases Intl resolves (e.g. `America/Buenos_Aires`) are accepted as their canonical zone would be.
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return supported.has(resolved) && /^[A-Za-z]+(?:[/_+-][A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The calendar day and wall-clock time of an instant in a zone. Read from `format`'s one string
 * (`12/7/2026, 05:29:18` in en-US) rather than `formatToParts`, whose eleven part objects per call
 * were most of `computeProgress`'s 35 KB per enrollment (20 calls), 28 % of what GET /me/enrollments
 * allocated (issue 23); the same digits, since the parts are that string cut up. Any other shape
 * (an ICU that writes it otherwise) is read from the parts, as before.
 */
export function wallClockAt(instant: Date, zone: string): WallClock {
  const formatter = formatterOf(zone);
  return wallClockOfText(formatter.format(instant)) ?? wallClockOfParts(formatter, instant);
}

/** The separators of en-US's numeric date and h23 time, in order: month/day/year, hour:minute:second. */
const SEPARATORS = ['/', '/', ', ', ':', ':'];

/** `M/D/Y, HH:MM:SS` → its six numbers (no substrings, no match array); null for any other text. */
function wallClockOfText(text: string): WallClock | null {
  const fields = [0, 0, 0, 0, 0, 0];
  let at = 0;
  for (let field = 0; field < 6; field++) {
    const start = at;
    let value = 0;
    for (let code = text.charCodeAt(at); code >= 48 && code <= 57; code = text.charCodeAt(++at)) value = value * 10 + (code - 48);
    if (at === start) return null;
    fields[field] = value;
    if (field === 5) break;
    const separator = SEPARATORS[field];
    if (!text.startsWith(separator, at)) return null;
    at += separator.length;
  }
  if (at !== text.length) return null;
  const [month, day, year, hour, minute, second] = fields;
  return { year, month, day, hour, minute, second };
}

function wallClockOfParts(formatter: Intl.DateTimeFormat, instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in minutes (Belize: −360). */
export function offsetMinutesAt(instant: Date, zone: string): number {
  const wall = wallClockAt(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The instant a wall-clock time in a zone names, by one rule in every zone (Temporal's 'compatible'):
 * a time that a spring-forward gap skips is read with the offset from before the gap, so it moves
 * forward by the gap's length (02:30 on New York's skipped hour is 03:30 EDT, 01:30 on London's is
 * 02:30 BST); a repeated time of a fall-back hour is its earlier instant. The web's wallClockToIso
 * (web/src/shared/time/zone-clock.ts) follows the same rule: staff type, the API computes alike.
 */
export function instantOf(wall: WallClock, zone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The offsets in force a day either side (a zone changes its offset at most once in that span).
  const before = offsetMinutesAt(new Date(asUtc - 86_400_000), zone);
  const after = offsetMinutesAt(new Date(asUtc + 86_400_000), zone);
  // A candidate is right when the zone's offset at it is the one it was made with; both are right in a repeated hour.
  const right = [before, after].map((offset) => ({ offset, time: asUtc - offset * 60_000 })).filter((c) => offsetMinutesAt(new Date(c.time), zone) === c.offset);
  if (right.length === 0) return new Date(asUtc - before * 60_000);
  return new Date(Math.min(...right.map((c) => c.time)));
}

/** The calendar day of an instant in a zone, as `YYYY-MM-DD`. */
export function localDate(instant: Date, zone: string): string {
  const { year, month, day } = wallClockAt(instant, zone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first instant of the calendar day that holds `instant`, in a zone (midnight there). */
export function startOfLocalDay(instant: Date, zone: string): Date {
  const wall = wallClockAt(instant, zone);
  return instantOf({ ...wall, hour: 0, minute: 0, second: 0 }, zone);
}

/**
 * addLocalDays's answers by zone, days and instant (epoch ms). They are a pure function of the
 * arguments and of the zone data Node loaded at start, so a remembered one never goes stale. A
 * cohort's schedule asks the same few on every trainee read (its start plus each module's offset,
 * each due date: five formattings by Intl each, on every GET /me/enrollments, issue 23). Bounded,
 * least recently used out first: callers that move a new `now` each time (a reminder's "tomorrow")
 * only push out their own one-off moves, not the schedules every read asks for again.
 */
const movedByDays = new LRUCache<string, number>({ max: 4096 });

/**
 * The same wall-clock time `days` calendar days later in a zone: "due 7 days after the module opens
 * at 09:00" stays 09:00 across a daylight-saving change, where adding 7 × 24 hours would not.
 */
export function addLocalDays(instant: Date, days: number, zone: string): Date {
  const time = instant.getTime();
  const key = `${zone}\u0000${days}\u0000${time}`;
  let moved = movedByDays.get(key);
  if (moved === undefined) {
    moved = movedByLocalDays(instant, days, zone);
    movedByDays.set(key, moved);
  }
  return new Date(moved);
}

function movedByLocalDays(instant: Date, days: number, zone: string): number {
  const wall = wallClockAt(instant, zone);
  const shifted = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  const moved = instantOf({ ...wall, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }, zone);
  return moved.getTime() + (instant.getTime() % 1000 + 1000) % 1000;
}

/**
 * The latest instant at or before `now` that reads `hour`:00 on a wall clock of the zone: today's
 * when that hour has come there, else yesterday's (a daily boundary, such as a digest's, per zone).
 */
export function lastLocalHour(now: Date, zone: string, hour: number): Date {
  const today = wallClockAt(now, zone);
  const todays = instantOf({ ...today, hour, minute: 0, second: 0 }, zone);
  if (todays.getTime() <= now.getTime()) return todays;
  return addLocalDays(todays, -1, zone);
}

/**
 * The latest instant at or before `now` that reads `hour`:00 on `isoWeekday` (1 = Monday … 7 = Sunday)
 * on a wall clock of the zone: a weekly boundary, such as the weekly digest's, per zone.
 */
export function lastLocalWeekday(now: Date, zone: string, isoWeekday: number, hour: number): Date {
  const today = wallClockAt(now, zone);
  const todaysWeekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() || 7;
  const todays = instantOf({ ...today, hour, minute: 0, second: 0 }, zone);
  const candidate = addLocalDays(todays, -((todaysWeekday - isoWeekday + 7) % 7), zone);
  return candidate.getTime() <= now.getTime() ? candidate : addLocalDays(candidate, -7, zone);
}

/** An instant as ISO 8601 with the zone's offset at that moment (`2026-03-08T09:00:00-06:00`). */
export function isoInZone(instant: Date, zone: string): string {
  const wall = wallClockAt(instant, zone);
  const offset = offsetMinutesAt(instant, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** A moment written for people of a language, in their zone, naming the zone (`March 8, 2026 at 9:00 AM CST`). */
export function formatForReader(instant: Date, language: string, zone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(instant) + ` (${zone})`;
}
