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

/**
 * A `datetime-local` value read as a wall clock in `zone`, as an ISO instant. Empty or unreadable
 * stays as typed, for the API to refuse by name.
 */
export function wallClockToIso(value: string | undefined, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!match) return value ?? '';
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Twice: the offset at the guessed instant may differ from the one at the answer (a DST change between).
  const first = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  return new Date(asUtc - offsetMinutes(first, zone) * 60_000).toISOString();
}

/** An ISO instant as a `datetime-local` value on the wall clock of `zone` ("2027-03-12T09:00"). */
export function isoToWallClockInput(iso: string, zone: string): string {
  const instant = Date.parse(iso);
  return new Date(instant + offsetMinutes(instant, zone) * 60_000).toISOString().slice(0, 16);
}
