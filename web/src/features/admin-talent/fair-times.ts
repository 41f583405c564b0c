import { isoToWallClockInput } from '../../shared/time/zone-clock';
import { DEFAULT_TIME_ZONE } from '../../shared/time/zones';

/**
 * Fair times are typed as the wall clock of the programme's zone (what the poster says), whatever
 * zone the admin's browser is in, and sent as UTC instants (the API wants an offset).
 */
export const PROGRAMME_TIME_ZONE = DEFAULT_TIME_ZONE;

export { wallClockToIso } from '../../shared/time/zone-clock';

/** An ISO instant as the wall clock of `zone`, e.g. "2027-03-12 09:00". */
export function isoToWallClock(iso: string, zone: string): string {
  return isoToWallClockInput(iso, zone).replace('T', ' ');
}
