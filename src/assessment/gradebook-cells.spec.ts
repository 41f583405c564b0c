import { CellFacts, cellStatus, gradebookCell, isOverdue } from './gradebook-cells';

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
    const cell = gradebookCell({ ...none, attemptsStarted: 1, bestScore: 30, latest: { id: 's', status: 'graded', score: 30, lateDays: 2 }, exception: { dueAt, extraAttempts: 3 } }, rules, { dueAt, enrollmentActive: true, now: new Date('2026-03-03T12:00:00Z') });
    expect(cell).toMatchObject({ late: true, lateDays: 2, latestScore: 30, attemptsAllowed: 5, exception: { dueAt: dueAt.toISOString(), extraAttempts: 3 } });
  });

  describe('overdue', () => {
    const dueAt = new Date('2026-03-01T12:00:00Z');
    const after = { dueAt, enrollmentActive: true, now: new Date('2026-03-01T12:00:01Z') };
    it.each<[string, CellFacts, Parameters<typeof isOverdue>[2], boolean]>([
      ['nothing handed in, the due date passed', none, after, true],
      ['an attempt opened and left, nothing submitted', { ...none, attemptsStarted: 1 }, after, true],
      ['not yet due', none, { ...after, now: dueAt }, false],
      ['no due date', none, { ...after, dueAt: null }, false],
      ['handed in (even late)', { ...none, attemptsStarted: 1, latest: { id: 's', status: 'graded', score: 10, lateDays: 1 } }, after, false],
      ['handed in, waiting for the grader', { ...none, attemptsStarted: 1, latest: { id: 's', status: 'queued', score: null, lateDays: 0 } }, after, false],
      ['withdrawn or completed trainee', none, { ...after, enrollmentActive: false }, false],
    ])('%s', (_name, facts, deadline, overdue) => {
      expect(isOverdue(facts, rules, deadline)).toBe(overdue);
      expect(gradebookCell(facts, rules, deadline)).toMatchObject({ overdue, dueAt: deadline.dueAt?.toISOString() ?? null });
    });

    it('waits out the assessment’s grace before flagging', () => {
      const graceful = { ...rules, lateGraceMinutes: 30 };
      expect(isOverdue(none, graceful, { ...after, now: new Date('2026-03-01T12:30:00Z') })).toBe(false);
      expect(isOverdue(none, graceful, { ...after, now: new Date('2026-03-01T12:30:01Z') })).toBe(true);
    });
  });
});
