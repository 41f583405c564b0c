import { isoToWallClockInput, wallClockToIso } from '../../shared/time/zone-clock';

/** The dates of a cohort the edit form shows, all as wall clocks of the cohort's own zone. */
export interface CohortDates {
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export interface CohortEditBody {
  name: string;
  capacity: number;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  startsAt?: string;
  endsAt?: string;
}

/** A check the form makes before asking the API, by the field whose message it is. */
export type CohortEditIssue = 'applicationsCloseAt:before-open' | 'endsAt:before-start';

export function cohortDateInputs(cohort: CohortDates): Record<'applicationsOpenAt' | 'applicationsCloseAt' | 'startsAt' | 'endsAt', string> {
  return {
    applicationsOpenAt: isoToWallClockInput(cohort.applicationsOpenAt, cohort.timeZone),
    applicationsCloseAt: isoToWallClockInput(cohort.applicationsCloseAt, cohort.timeZone),
    startsAt: isoToWallClockInput(cohort.startsAt, cohort.timeZone),
    endsAt: isoToWallClockInput(cohort.endsAt, cohort.timeZone),
  };
}

/**
 * The PATCH body from the form. The start and the end go only when changed: the inputs keep
 * minutes, not seconds, so sending them back untouched could "move" a start by seconds, and a
 * moved date is refused on a completed cohort (and may re-send the start notice).
 */
export function cohortEditBody(values: Record<string, string>, cohort: CohortDates): { body: CohortEditBody; issues: CohortEditIssue[] } {
  const shown = cohortDateInputs(cohort);
  const zone = cohort.timeZone;
  const body: CohortEditBody = {
    name: values.name ?? '',
    capacity: Number(values.capacity),
    applicationsOpenAt: wallClockToIso(values.applicationsOpenAt, zone),
    applicationsCloseAt: wallClockToIso(values.applicationsCloseAt, zone),
  };
  if (values.startsAt !== shown.startsAt) body.startsAt = wallClockToIso(values.startsAt, zone);
  if (values.endsAt !== shown.endsAt) body.endsAt = wallClockToIso(values.endsAt, zone);
  const issues: CohortEditIssue[] = [];
  const before = (a: string, b: string) => !Number.isNaN(Date.parse(a)) && !Number.isNaN(Date.parse(b)) && Date.parse(b) <= Date.parse(a);
  if (before(body.applicationsOpenAt, body.applicationsCloseAt)) issues.push('applicationsCloseAt:before-open');
  if (before(body.startsAt ?? cohort.startsAt, body.endsAt ?? cohort.endsAt)) issues.push('endsAt:before-start');
  return { body, issues };
}
