import type { ApplicationStatus, BulkResult, Decision, ReviewedApplication, TrackCode, TrackQuotas } from './admissions.types';

/** The status each decision leads to (the API's rule). */
export const STATUS_OF: Record<Decision, ApplicationStatus> = { shortlist: 'shortlisted', accept: 'accepted', waitlist: 'waitlisted', reject: 'rejected' };

/** Which decision may follow which status (the API decides again; this only explains beforehand). */
const LEGAL: Record<ApplicationStatus, readonly Decision[]> = {
  submitted: ['shortlist', 'accept', 'waitlist', 'reject'],
  shortlisted: ['accept', 'waitlist', 'reject'],
  waitlisted: ['accept', 'waitlist', 'reject'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};

export interface TrackRoom {
  trackCode: TrackCode;
  /** Seats of the track's quota left now. */
  left: number;
  /** Accepted applicants of this track this decision would seat. */
  wanted: number;
}

export interface DecisionSummary {
  decision: Decision;
  /** Applications the decision will change. */
  willChange: ReviewedApplication[];
  /** Already in the status the decision leads to: nothing happens to them. */
  alreadyDecided: ReviewedApplication[];
  /** Decided otherwise (or withdrawn) already: the API refuses them. */
  cannotFollow: ReviewedApplication[];
  /** For "accept": the cohort's free seats now and after, and how many would find none. */
  seats?: { left: number; after: number; short: number };
  /** For "accept": the tracks with a quota among those accepted. */
  tracks: TrackRoom[];
}

/** What a bulk decision on these applications will do, for the confirmation that names it before it runs. */
export function summarizeDecision(decision: Decision, selected: readonly ReviewedApplication[], quotas: TrackQuotas | undefined): DecisionSummary {
  const target = STATUS_OF[decision];
  const willChange = selected.filter((a) => LEGAL[a.status].includes(decision));
  const alreadyDecided = selected.filter((a) => !willChange.includes(a) && a.status === target);
  const cannotFollow = selected.filter((a) => !willChange.includes(a) && !alreadyDecided.includes(a));
  const summary: DecisionSummary = { decision, willChange, alreadyDecided, cannotFollow, tracks: [] };
  if (decision !== 'accept' || !quotas) return summary;
  const left = Math.max(0, quotas.capacity - quotas.seatsTaken);
  summary.seats = { left, after: Math.max(0, left - willChange.length), short: Math.max(0, willChange.length - left) };
  for (const track of quotas.tracks) {
    if (track.seats === null) continue;
    const wanted = willChange.filter((a) => a.trackCode === track.trackCode).length;
    if (wanted > 0) summary.tracks.push({ trackCode: track.trackCode, left: Math.max(0, track.seats - track.taken), wanted });
  }
  return summary;
}

export type ItemOutcome =
  | { kind: 'done'; status: ApplicationStatus }
  | { kind: 'already'; status: ApplicationStatus }
  | { kind: 'refused'; httpStatus: number; slug: string; detail: string };

/** One item of a bulk answer as staff read it: done, already decided (a re-run changes nothing), or refused with the API's reason. */
export function outcomeOf(result: BulkResult, decision: Decision, before: ApplicationStatus | undefined): ItemOutcome {
  if (result.status === 200 && result.application) return { kind: 'done', status: result.application.status };
  // Refused because it already has that status (the API answers 422 "illegal decision", or 409 first when the cohort is full): nothing changed.
  if (before === STATUS_OF[decision]) return { kind: 'already', status: before };
  const slug = result.problem?.type.split('/').pop() ?? '';
  return { kind: 'refused', httpStatus: result.status, slug, detail: result.problem?.detail ?? '' };
}
