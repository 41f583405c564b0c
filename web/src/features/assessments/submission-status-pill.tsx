import { Trans } from '@lingui/react/macro';
import type { SubmissionStatus } from './assessment.types';

/** A submission's state in a few words: waiting, passed or not, with an instructor, or failed to grade. */
export function SubmissionStatusPill({ status, passed }: { status: SubmissionStatus; passed: boolean | null }) {
  const text =
    status === 'queued' ? <Trans>Waiting for grading</Trans>
    : status === 'needs_review' ? <Trans>With an instructor</Trans>
    : status === 'error' ? <Trans>Could not be graded</Trans>
    : passed ? <Trans>Passed</Trans>
    : <Trans>Not passed</Trans>;
  return <span className={`status-pill${status === 'graded' && passed ? ' status-done' : ''}`}>{text}</span>;
}
