/**
 * The zones staff may give a cohort. The default is the programme's (the API's DEFAULT_TIME_ZONE in
 * libs/time): Belize, where the timetable is written.
 */
export const DEFAULT_TIME_ZONE = 'America/Belize';

/** Whether this browser's Intl can read wall clocks of `zone` (a zone it cannot would throw). */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every IANA zone this browser knows (the API accepts those its Intl knows, the same database),
 * sorted, with UTC and the default always in. A browser without `Intl.supportedValuesOf` offers
 * the default and UTC only.
 */
export function timeZoneChoices(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, DEFAULT_TIME_ZONE, 'UTC'])].sort();
}
