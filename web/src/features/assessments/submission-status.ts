import type { SubmissionStatus, SubmissionView } from './assessment.types';

/** Where a submission is, as the status screen tells it. */
export type SubmissionPhase = 'queued' | 'grading' | 'graded' | 'review' | 'error';

export function phaseOf(submission: Pick<SubmissionView, 'status' | 'queuePosition'>): SubmissionPhase {
  switch (submission.status) {
    case 'queued':
      // Nobody ahead: the grading worker has it (or takes it next).
      return submission.queuePosition === undefined || submission.queuePosition === 0 ? 'grading' : 'queued';
    case 'graded':
      return 'graded';
    case 'needs_review':
      return 'review';
    case 'error':
      return 'error';
  }
}

export function isSettled(status: SubmissionStatus): boolean {
  return status !== 'queued';
}

const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 15_000;

/**
 * How long to wait before asking again: quick at first (most grades take seconds), then backing
 * off to at most 15 s so a long queue on a slow connection is not hammered; false once settled.
 */
export function pollDelay(status: SubmissionStatus | undefined, polls: number): number | false {
  if (status !== undefined && isSettled(status)) return false;
  return Math.min(MAX_POLL_MS, Math.round(FIRST_POLL_MS * 1.5 ** Math.max(0, polls)));
}
