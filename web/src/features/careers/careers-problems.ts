import { t } from '@lingui/core/macro';
import { ProblemError, UnreachableError } from '../../shared/api/problem';
import { problemText } from '../../shared/api/problem-messages';

/**
 * The talent pipeline's refusals a trainee can meet, in their words and language (the careers
 * catalogue, so they cost the first screens nothing). Anything else falls back to the shared
 * messages, which fall back to the server's own detail.
 */
const CAREERS_PROBLEMS: Record<string, () => string> = {
  'nothing-to-list': () =>
    t`A talent profile shows employers what you proved in a cohort, so there is nothing to list until you are enrolled in one. Apply to a cohort first; once you are enrolled you can list your profile here.`,
  'slot-taken': () => t`Someone else booked this meeting a moment ago. The list now shows which times are still free: choose another one.`,
  'booking-clash': () => t`You already have a meeting booked at that time. Choose a time that does not overlap your other meetings.`,
  'fair-not-eligible': () => t`Career fairs are for trainees whose talent profile is listed. List your profile first, then register.`,
  'fair-not-registered': () => t`Register for this fair first, then book a meeting.`,
  'fair-over': () => t`This fair is over.`,
  'slot-started': () => t`This meeting time has already started. Choose a later one.`,
  'talent-profile-not-listed': () => t`Meetings at fairs are for trainees whose talent profile is listed. List your profile again to book.`,
  'talent-profile-withdrawn': () => t`You stopped being listed, so you cannot answer employers now. List your profile again to answer.`,
  'check-in-closed': () => t`Check-in is open from two hours before the fair starts until it ends. Try again then.`,
  'meeting-started': () => t`This meeting has already started or passed, so it can no longer be cancelled.`,
  'interview-request-closed': () => t`This request has already been answered or has ended, so it takes no other answer.`,
};

/** A failed careers action as one sentence a person can act on. */
export function careersErrorText(error: unknown): string {
  if (error instanceof ProblemError) return CAREERS_PROBLEMS[error.slug]?.() ?? problemText(error);
  if (error instanceof UnreachableError) return t`We can't reach GDS Academy right now. Check your connection and try again.`;
  return t`Something went wrong. Please try again.`;
}

/** Whether the API refused for this reason (its problem type's last segment). */
export const isProblemOf = (error: unknown, slug: string) => error instanceof ProblemError && error.slug === slug;
