import type { AssessmentView } from './assessment.types';

/** Submissions still possible, counting the open attempt (already started, not yet submitted); null when unlimited. */
export function attemptsLeft(a: Pick<AssessmentView, 'attemptsAllowed' | 'attemptsUsed' | 'openAttempt'>): number | null {
  if (a.attemptsAllowed === null) return null;
  return Math.max(0, a.attemptsAllowed - a.attemptsUsed + (a.openAttempt ? 1 : 0));
}

/** Due and late work refused: the server would answer 422 past-due. */
export function isClosed(a: Pick<AssessmentView, 'dueAt' | 'latePolicy'>, now: number): boolean {
  return a.dueAt !== null && a.latePolicy === 'refuse' && Date.parse(a.dueAt) < now;
}

export type WorkState =
  | { state: 'closed' }
  | { state: 'used-up' }
  | { state: 'start' }
  | { state: 'working'; attemptId: string | null; deadlineAt: string | null };

/** What the trainee can do now: answer, start a timed attempt first, or nothing (used up, closed). */
export function workState(a: AssessmentView, now: number): WorkState {
  if (a.openAttempt && !(a.openAttempt.deadlineAt && Date.parse(a.openAttempt.deadlineAt) <= now)) {
    return { state: 'working', attemptId: a.openAttempt.id, deadlineAt: a.openAttempt.deadlineAt };
  }
  if (isClosed(a, now)) return { state: 'closed' };
  if (attemptsLeft({ ...a, openAttempt: null }) === 0) return { state: 'used-up' };
  if (a.timeLimitMinutes) return { state: 'start' };
  return { state: 'working', attemptId: null, deadlineAt: null };
}
