import type { components } from '../../shared/api/schema.gen';

export type RosterEntry = components['schemas']['RosterEntryView'];
export type RosterSort = 'name' | 'progress' | 'last-activity';

export interface RosterFilters {
  /** Only trainees the server flags at risk. */
  atRiskOnly: boolean;
  /** A track code, or '' for every track. */
  track: string;
  sort: RosterSort;
}

export const noRosterFilters: RosterFilters = { atRiskOnly: false, track: '', sort: 'name' };

/** The name a trainee is shown by: the display name, else the email (both may be hidden). */
export function traineeName(entry: Pick<RosterEntry, 'displayName' | 'email' | 'traineeId'>): string {
  return entry.displayName ?? entry.email ?? entry.traineeId;
}

/**
 * The roster as the instructor asked to see it: filtered by risk and track (a trainee's track is
 * the track of the course version they are enrolled in), then sorted. Progress sorts the least
 * advanced first and last activity the longest silent first (never active before anyone), because
 * those are the trainees an instructor looks for; names sort by the reader's locale.
 */
export function rosterView(entries: readonly RosterEntry[], filters: RosterFilters, trackOfVersion: ReadonlyMap<string, string>, locale = 'en'): RosterEntry[] {
  const kept = entries.filter(
    (e) => (!filters.atRiskOnly || e.atRisk) && (filters.track === '' || trackOfVersion.get(e.courseVersionId) === filters.track),
  );
  const byName = (a: RosterEntry, b: RosterEntry) => traineeName(a).localeCompare(traineeName(b), locale);
  const compare: Record<RosterSort, (a: RosterEntry, b: RosterEntry) => number> = {
    name: byName,
    progress: (a, b) => a.percentComplete - b.percentComplete || byName(a, b),
    'last-activity': (a, b) => activityTime(a) - activityTime(b) || byName(a, b),
  };
  return [...kept].sort(compare[filters.sort]);
}

function activityTime(entry: RosterEntry): number {
  return entry.lastActivityAt ? Date.parse(entry.lastActivityAt) : Number.NEGATIVE_INFINITY;
}
