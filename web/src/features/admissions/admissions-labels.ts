import { useLingui } from '@lingui/react/macro';
import type { ApplicationStatus, Decision, TrackCode } from './admissions.types';

/** The words staff read for statuses, decisions, tracks and duplicate reasons, in the active language. */
export function useAdmissionsLabels() {
  const { t } = useLingui();
  const status: Record<ApplicationStatus, string> = {
    submitted: t`Submitted`,
    shortlisted: t`Shortlisted`,
    accepted: t`Accepted`,
    waitlisted: t`Waitlisted`,
    rejected: t`Rejected`,
    withdrawn: t`Withdrawn`,
  };
  const decision: Record<Decision, string> = { shortlist: t`Shortlist`, accept: t`Accept`, waitlist: t`Waitlist`, reject: t`Reject` };
  const track: Record<TrackCode, string> = {
    cybersecurity: t`Cybersecurity`,
    'data-analysis': t`Data analysis`,
    'ui-ux-design': t`UI/UX design`,
    'cloud-engineering': t`Cloud engineering`,
  };
  const duplicateReason: Record<'email' | 'name' | 'phone', string> = { email: t`same e-mail`, name: t`same name`, phone: t`same phone` };
  /** A trail entry's action ("accept", "revert", "promote", ...). */
  const action = (value: string): string =>
    ({ submit: t`Applied`, shortlist: t`Shortlisted`, accept: t`Accepted`, waitlist: t`Waitlisted`, reject: t`Rejected`, withdraw: t`Withdrawn by the applicant`, promote: t`Promoted from the waitlist`, revert: t`Decision reverted`, score: t`Scored`, 'promotion-skipped': t`Passed over for a free seat (prerequisites not completed)` })[value] ?? value;
  return { status, decision, track, duplicateReason, action };
}
