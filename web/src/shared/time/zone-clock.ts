/**
 * Wall clocks of a named zone (a cohort's, the programme's) for `datetime-local` inputs: staff type
 * what the timetable says, whatever zone their browser is in, and the API gets UTC instants.
 */

/** The zone's offset from UTC at an instant, in minutes (Belize: -360). */
export function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const DAY_MS = 86_400_000;

/**
 * A `datetime-local` value read as a wall clock in `zone`, as an ISO instant. Empty or unreadable
 * stays as typed, for the API to refuse by name.
 *
 * The rule is the API's (libs/time instantOf), the same in every zone — Temporal's 'compatible':
 * a time a spring-forward gap skips moves forward by the gap (02:30 on New York's skipped hour is
 * 03:30 EDT; 01:30 on London's is 02:30 BST), and a time a fall-back repeats is its earlier instant
 * (the summer-time one). Correcting a guess by the offset at the guess instead goes backwards in a
 * gap west of UTC and takes the later instant of a repeated hour east of it.
 */
export function wallClockToIso(value: string | undefined, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!match) return value ?? '';
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets in force a day either side (a zone changes its offset at most once in that span).
  const before = offsetMinutes(asUtc - DAY_MS, zone);
  const after = offsetMinutes(asUtc + DAY_MS, zone);
  // A candidate is right when the zone's offset at it is the one it was made with; both are in a repeated hour.
  const right = [before, after].map((offset) => asUtc - offset * 60_000).filter((time, i) => offsetMinutes(time, zone) === [before, after][i]);
  // None is right in a gap: the offset from before the gap carries the time past it.
  return new Date(right.length ? Math.min(...right) : asUtc - before * 60_000).toISOString();
}

/** An ISO instant as a `datetime-local` value on the wall clock of `zone` ("2027-03-12T09:00"). */
export function isoToWallClockInput(iso: string, zone: string): string {
  const instant = Date.parse(iso);
  return new Date(instant + offsetMinutes(instant, zone) * 60_000).toISOString().slice(0, 16);
}
