import { wallClockToIso } from '../../shared/time/zone-clock';
import { DEFAULT_TIME_ZONE, isKnownZone } from '../../shared/time/zones';

/**
 * The create-cohort form's values as the API's CreateCohortDto: date-times typed as wall clocks of
 * the cohort's chosen zone (as the edit form shows them, whatever zone the browser is in) to ISO
 * instants, sent with that zone; one question per line.
 */
export interface NewCohortBody {
  name: string;
  courseVersionIds: string[];
  capacity: number;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  unlockMode: 'schedule' | 'prerequisites';
  schedule: [];
  instructorIds: [];
  questions: Array<{ prompt: string; required: boolean }>;
}

/** Non-empty lines, trimmed: each is one question. */
export function questionLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function newCohortBody(values: Record<string, string>, courseVersionIds: string[]): NewCohortBody {
  const timeZone = values.timeZone || DEFAULT_TIME_ZONE;
  // A zone this browser cannot read leaves the dates as typed: the API refuses the zone by name.
  const toIso = (value: string | undefined) => (isKnownZone(timeZone) ? wallClockToIso(value, timeZone) : (value ?? ''));
  return {
    name: values.name ?? '',
    courseVersionIds,
    capacity: Number(values.capacity),
    applicationsOpenAt: toIso(values.applicationsOpenAt),
    applicationsCloseAt: toIso(values.applicationsCloseAt),
    startsAt: toIso(values.startsAt),
    endsAt: toIso(values.endsAt),
    timeZone,
    unlockMode: values.unlockMode === 'schedule' ? 'schedule' : 'prerequisites',
    schedule: [],
    instructorIds: [],
    questions: [
      ...questionLines(values.requiredQuestions).map((prompt) => ({ prompt, required: true })),
      ...questionLines(values.optionalQuestions).map((prompt) => ({ prompt, required: false })),
    ],
  };
}

/** A check the create form makes before asking the API (which refuses it too), by the field whose message it is. */
export type NewCohortIssue = 'applicationsCloseAt:before-open' | 'endsAt:before-start';

/** The dates' order in the body about to be sent: an end at or before its start is caught here, with its message on the field, not as a 422 after a round trip. */
export function newCohortIssues(body: Pick<NewCohortBody, 'applicationsOpenAt' | 'applicationsCloseAt' | 'startsAt' | 'endsAt'>): NewCohortIssue[] {
  // Unreadable dates are left to the browser's required check and the API's validation.
  const notAfter = (a: string, b: string) => !Number.isNaN(Date.parse(a)) && !Number.isNaN(Date.parse(b)) && Date.parse(b) <= Date.parse(a);
  const issues: NewCohortIssue[] = [];
  if (notAfter(body.applicationsOpenAt, body.applicationsCloseAt)) issues.push('applicationsCloseAt:before-open');
  if (notAfter(body.startsAt, body.endsAt)) issues.push('endsAt:before-start');
  return issues;
}
