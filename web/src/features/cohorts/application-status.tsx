import { Trans } from '@lingui/react/macro';
import type { Application } from '../../shared/api/resources/applications';

/** An application's status in words a applicant understands, with what happens next. */
export function ApplicationStatusText({ application }: { application: Application }) {
  switch (application.status) {
    case 'submitted':
      return <Trans>Submitted: the admissions team will review it.</Trans>;
    case 'shortlisted':
      return <Trans>Shortlisted: you are on the shortlist; a decision follows.</Trans>;
    case 'accepted':
      return <Trans>Accepted: welcome! Your course is in Learning.</Trans>;
    case 'waitlisted': {
      const rank = application.waitlistRank;
      return rank ? <Trans>Waitlisted: you are number {rank} on the waiting list.</Trans> : <Trans>Waitlisted: you will hear if a seat opens.</Trans>;
    }
    case 'rejected':
      return <Trans>Not accepted this time.</Trans>;
    case 'withdrawn':
      return <Trans>Withdrawn.</Trans>;
  }
}
