import { describe, expect, it } from 'vitest';
import { phaseOf, pollDelay } from './submission-status';
import { feedbackItems } from './submission-feedback';

describe('submission status', () => {
  it('tells the queue place while queued behind others, grading when first, then the outcome', () => {
    expect(phaseOf({ status: 'queued', queuePosition: 3 })).toBe('queued');
    expect(phaseOf({ status: 'queued', queuePosition: 0 })).toBe('grading');
    expect(phaseOf({ status: 'graded' })).toBe('graded');
    expect(phaseOf({ status: 'needs_review' })).toBe('review');
    expect(phaseOf({ status: 'error' })).toBe('error');
  });

  it('polls quickly at first, backs off to at most 15 s, and stops once settled', () => {
    const delays = Array.from({ length: 12 }, (_, i) => pollDelay('queued', i) as number);
    expect(delays[0]).toBe(1000);
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1])).toBe(true);
    expect(Math.max(...delays)).toBe(15_000);
    expect(pollDelay(undefined, 0)).toBe(1000);
    for (const status of ['graded', 'needs_review', 'error'] as const) expect(pollDelay(status, 3)).toBe(false);
  });
});

describe('submission feedback', () => {
  it('reads each grader’s feedback as lines, never raw fields', () => {
    expect(feedbackItems({ questions: [{ questionId: 'q1', points: 1, earned: 1, correct: true }, { questionId: 'q2', points: 2, earned: 0, correct: false }], pointsEarned: 1 }, 0)).toEqual([
      { kind: 'question', number: 1, earned: 1, points: 1, correct: true },
      { kind: 'question', number: 2, earned: 0, points: 2, correct: false },
    ]);
    expect(feedbackItems({ status: 'wrong', message: 'Expected 2 rows, got 3.', columns: ['a'] }, null)).toEqual([{ kind: 'text', text: 'Expected 2 rows, got 3.' }]);
    expect(feedbackItems({ status: 'unreadable', message: 'Bad YAML', lines: ['Bad YAML'] }, null)).toEqual([{ kind: 'text', text: 'Bad YAML' }]);
    expect(feedbackItems({ flags: [{ flagId: 'f', label: 'Root', points: 5, captured: true }], penalty: 2 }, 1)).toEqual([
      { kind: 'flag', label: 'Root', captured: true, points: 5 },
      { kind: 'penalty', points: 2 },
      { kind: 'late', days: 1 },
    ]);
    expect(feedbackItems({ awaiting: 'instructor review' }, 0)).toEqual([{ kind: 'awaiting-review' }]);
    expect(feedbackItems(null, 0)).toEqual([]);
  });
});
