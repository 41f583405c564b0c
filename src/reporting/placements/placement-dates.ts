/**
 * The dates a placement must keep to count as an outcome of training: it starts on a day that has
 * come (not next month), not before the course began nor before the trainee enrolled; a follow-up
 * at month m is checked on a day that has come and at least m × 4 weeks after the start (a call a
 * few days before the calendar date still counts; one before the job started never does).
 * Days are calendar dates (YYYY-MM-DD), compared as text.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKS_PER_MONTH = 4;

export interface DateProblem {
  slug: string;
  detail: string;
  field: string;
}

export const dayOf = (time: Date): string => time.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
/** The earliest day a follow-up at `month` may be checked. */
export const followUpFrom = (startsOn: string, month: number): string => addDays(startsOn, month * WEEKS_PER_MONTH * 7);

export interface PlacementBounds {
  today: string;
  /** The cohort's first day; null when the cohort has no start. */
  courseStartsOn: string | null;
  /** The day the trainee enrolled in the cohort (the first time); null when unknown. */
  enrolledOn: string | null;
}

export function placementDateProblem(startsOn: string, bounds: PlacementBounds): DateProblem | null {
  if (startsOn > bounds.today) {
    return { slug: 'placement-in-future', field: 'startsOn', detail: `A placement is recorded once it has started: ${startsOn} is after today (${bounds.today}).` };
  }
  if (bounds.courseStartsOn && startsOn < bounds.courseStartsOn) {
    return { slug: 'placement-before-course', field: 'startsOn', detail: `A placement counts from the course's start (${bounds.courseStartsOn}); ${startsOn} is before it.` };
  }
  if (bounds.enrolledOn && startsOn < bounds.enrolledOn) {
    return { slug: 'placement-before-enrollment', field: 'startsOn', detail: `A placement counts from the trainee's enrollment (${bounds.enrolledOn}); ${startsOn} is before it.` };
  }
  return null;
}

export function followUpDateProblem(startsOn: string, month: number, checkedOn: string, today: string): DateProblem | null {
  if (checkedOn > today) {
    return { slug: 'follow-up-in-future', field: 'checkedOn', detail: `A follow-up is recorded once it was made: ${checkedOn} is after today (${today}).` };
  }
  const from = followUpFrom(startsOn, month);
  if (checkedOn < from) {
    return { slug: 'follow-up-too-early', field: 'checkedOn', detail: `A ${month}-month follow-up of a placement starting ${startsOn} is checked on ${from} or later; ${checkedOn} is too early.` };
  }
  return null;
}
