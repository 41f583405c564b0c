/** The create-cohort form's values as the API's CreateCohortDto: local date-times to ISO instants, one question per line. */
export interface NewCohortBody {
  name: string;
  courseVersionIds: string[];
  capacity: number;
  applicationsOpenAt: string;
  applicationsCloseAt: string;
  startsAt: string;
  endsAt: string;
  unlockMode: 'schedule' | 'prerequisites';
  schedule: [];
  instructorIds: [];
  questions: Array<{ prompt: string; required: boolean }>;
}

/** A `datetime-local` value (the browser's local time) as an ISO instant; empty or unreadable stays as typed for the API to refuse by name. */
export function localToIso(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function isoToLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Non-empty lines, trimmed: each is one question. */
export function questionLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function newCohortBody(values: Record<string, string>, courseVersionIds: string[]): NewCohortBody {
  return {
    name: values.name ?? '',
    courseVersionIds,
    capacity: Number(values.capacity),
    applicationsOpenAt: localToIso(values.applicationsOpenAt),
    applicationsCloseAt: localToIso(values.applicationsCloseAt),
    startsAt: localToIso(values.startsAt),
    endsAt: localToIso(values.endsAt),
    unlockMode: values.unlockMode === 'schedule' ? 'schedule' : 'prerequisites',
    schedule: [],
    instructorIds: [],
    questions: [
      ...questionLines(values.requiredQuestions).map((prompt) => ({ prompt, required: true })),
      ...questionLines(values.optionalQuestions).map((prompt) => ({ prompt, required: false })),
    ],
  };
}
