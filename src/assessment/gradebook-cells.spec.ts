import { CellFacts, cellStatus, gradebookCell } from './gradebook-cells';

const rules = { assessmentId: 'a1', passMark: 60, attemptsAllowed: 2 };
const none: CellFacts = { bestScore: null, latest: null, attemptsStarted: 0, openAttempt: false, exception: null };
const graded = (score: number) => ({ id: 's', status: 'graded' as const, score, lateDays: 0 });

describe('gradebook cell status', () => {
  it.each<[string, CellFacts, string]>([
    ['nothing done', none, 'not_started'],
    ['an attempt open', { ...none, attemptsStarted: 1, openAttempt: true }, 'in_progress'],
    ['waiting for the grader', { ...none, attemptsStarted: 1, latest: { id: 's', status: 'queued', score: null, lateDays: 0 } }, 'submitted'],
    ['waiting for an instructor', { ...none, attemptsStarted: 1, latest: { id: 's', status: 'needs_review', score: null, lateDays: 0 } }, 'awaiting_review'],
    ['grading failed', { ...none, attemptsStarted: 1, latest: { id: 's', status: 'error', score: null, lateDays: 0 } }, 'awaiting_review'],
    ['passed', { ...none, attemptsStarted: 1, bestScore: 60, latest: graded(60) }, 'passed'],
    ['a pass stays a pass after a worse try', { ...none, attemptsStarted: 2, bestScore: 80, latest: graded(10) }, 'passed'],
    ['below the mark, an attempt left', { ...none, attemptsStarted: 1, bestScore: 40, latest: graded(40) }, 'graded'],
    ['below the mark, no attempt left', { ...none, attemptsStarted: 2, bestScore: 40, latest: graded(40) }, 'failed'],
    ['below the mark, an extra attempt granted', { ...none, attemptsStarted: 2, bestScore: 40, latest: graded(40), exception: { dueAt: null, extraAttempts: 1 } }, 'graded'],
  ])('%s', (_name, facts, status) => {
    expect(cellStatus(facts, rules)).toBe(status);
  });

  it('shows the late days of the latest submission and the exceptions granted', () => {
    const dueAt = new Date('2026-03-01T12:00:00Z');
    const cell = gradebookCell({ ...none, attemptsStarted: 1, bestScore: 30, latest: { id: 's', status: 'graded', score: 30, lateDays: 2 }, exception: { dueAt, extraAttempts: 3 } }, rules);
    expect(cell).toMatchObject({ late: true, lateDays: 2, latestScore: 30, attemptsAllowed: 5, exception: { dueAt: dueAt.toISOString(), extraAttempts: 3 } });
  });
});
