/**
 * A datetime-local value ("2026-12-07T10:30", the person's own clock) as an instant with its
 * offset, as the API requires (a time without one would be read in the server's zone). Empty or
 * unreadable: sent as typed, so the API names the field.
 */
export function localInputToIso(value: string): string {
  if (!value) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An instant as a datetime-local value on the person's clock (to prefill the form with the fair's start). */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Check-in opens this long before a fair starts (as the API accepts it) and closes when it ends. */
const CHECK_IN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;

/** Whether the API takes check-ins at this fair at `now`. */
export function checkInOpen(fair: { startsAt: string; endsAt: string }, now: Date): boolean {
  const time = now.getTime();
  return time >= new Date(fair.startsAt).getTime() - CHECK_IN_OPENS_BEFORE_MS && time <= new Date(fair.endsAt).getTime();
}
