/** Check-in opens this long before a fair starts (as the API accepts it) and closes when it ends. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;

/** Whether the API takes a check-in for this fair at `now`. */
export function checkInOpen(fair: { startsAt: string; endsAt: string }, now: Date): boolean {
  const time = now.getTime();
  return time >= new Date(fair.startsAt).getTime() - CHECK_IN_OPENS_BEFORE_MS && time <= new Date(fair.endsAt).getTime();
}

/** Whether check-in is still to come (the fair has not ended): the screen then says when it opens. */
export function checkInLater(fair: { startsAt: string }, now: Date): boolean {
  return now.getTime() < new Date(fair.startsAt).getTime() - CHECK_IN_OPENS_BEFORE_MS;
}
