/** Time left until a deadline, in whole seconds (never below 0). */
export function secondsLeft(deadlineIso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadlineIso) - now) / 1000));
}

/** "mm:ss", or "h:mm:ss" from an hour up: what the visible clock shows. */
export function clockText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * The moments a screen reader is told the time left: a ticking live region would talk over
 * everything, so only at these marks (in minutes left), and once more at zero.
 */
export const ANNOUNCE_AT_MINUTES = [30, 10, 5, 1] as const;

/**
 * The announcement mark reached at `seconds` left that is newer than the last one announced
 * (marks in minutes; 0 is the end), or null when nothing new is to be said. Starting an attempt
 * with 7 minutes left announces nothing until 5 minutes, not the 10-minute mark already passed.
 */
export function announcementDue(seconds: number, lastAnnounced: number | null, startedWith: number): number | null {
  if (seconds <= 0) return lastAnnounced === 0 ? null : 0;
  for (const mark of [...ANNOUNCE_AT_MINUTES].reverse()) {
    // Smallest mark first: the closest mark reached.
    if (seconds <= mark * 60 && mark * 60 < startedWith && (lastAnnounced === null || mark < lastAnnounced)) return mark;
  }
  return null;
}
