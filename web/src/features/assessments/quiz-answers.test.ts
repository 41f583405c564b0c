import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from './assessment.types';
import { parseNumber, quizAnswerOf, unanswered, unreadableNumbers } from './quiz-answers';
import { attemptsLeft, workState } from './attempt-rules';
import type { AssessmentView } from './assessment.types';

const questions: QuizQuestion[] = [
  { id: 'q1', type: 'single', prompt: 'Port of HTTPS?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }] },
  { id: 'q2', type: 'multiple', prompt: 'Which are private ranges?', points: 2, options: [{ id: 'x', text: '10/8' }, { id: 'y', text: '8.8.8.8' }], partialCredit: 'per-option' },
  { id: 'q3', type: 'numeric', prompt: 'Bits in a byte?', points: 1 },
  { id: 'q4', type: 'text', prompt: 'Protocol of ping?', points: 1 },
];

describe('quiz answers', () => {
  it('reads numbers as people type them, in English and Spanish', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber(' 3,5 ')).toBe(3.5);
    expect(parseNumber('-0.25')).toBe(-0.25);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('eight')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('builds the grader’s answer: ids, arrays, numbers and trimmed text; gaps left out', () => {
    expect(quizAnswerOf(questions, { q1: 'b', q2: ['x'], q3: '8', q4: '  ICMP ' })).toEqual({ answers: { q1: 'b', q2: ['x'], q3: 8, q4: 'ICMP' } });
    expect(quizAnswerOf(questions, { q2: [], q3: 'eight', q4: '   ' })).toEqual({ answers: {} });
  });

  it('finds unanswered questions and unreadable numbers', () => {
    expect(unanswered(questions, { q1: 'a', q2: [], q3: ' ' }).map((q) => q.id)).toEqual(['q2', 'q3', 'q4']);
    expect(unreadableNumbers(questions, { q3: 'eight' })).toEqual(['q3']);
    expect(unreadableNumbers(questions, { q3: '' })).toEqual([]);
  });
});

describe('attempt rules', () => {
  const base: AssessmentView = {
    id: 'a', moduleId: 'm', kind: 'quiz', title: 'T', instructions: '', maxScore: 10, passMark: 5, weight: 1, required: true, attemptsAllowed: 3,
    dueOffsetDays: null, lateFloorPercent: 0, lateGraceMinutes: 0, skillCodes: [], timeLimitMinutes: null, latePolicy: 'refuse', latePenaltyPercentPerDay: 0, content: {}, dueAt: null, attemptsUsed: 0, openAttempt: null, submissions: [],
  };
  const now = Date.parse('2026-12-06T10:00:00Z');

  it('counts the attempts left, the open one included', () => {
    expect(attemptsLeft(base)).toBe(3);
    expect(attemptsLeft({ ...base, attemptsUsed: 3 })).toBe(0);
    expect(attemptsLeft({ ...base, attemptsUsed: 3, openAttempt: { id: 'o', deadlineAt: null } })).toBe(1);
  });

  it('answers at once when untimed, asks to start when timed, resumes an open attempt, and says when closed or used up', () => {
    expect(workState(base, now)).toEqual({ state: 'working', attemptId: null, deadlineAt: null });
    expect(workState({ ...base, timeLimitMinutes: 20 }, now)).toEqual({ state: 'start' });
    expect(workState({ ...base, timeLimitMinutes: 20, openAttempt: { id: 'o', deadlineAt: '2026-12-06T10:10:00Z' } }, now)).toEqual({ state: 'working', attemptId: 'o', deadlineAt: '2026-12-06T10:10:00Z' });
    expect(workState({ ...base, timeLimitMinutes: 20, attemptsUsed: 3, openAttempt: { id: 'o', deadlineAt: '2026-12-06T09:59:00Z' } }, now)).toEqual({ state: 'used-up' });
    expect(workState({ ...base, attemptsUsed: 3 }, now)).toEqual({ state: 'used-up' });
    expect(workState({ ...base, dueAt: '2026-12-05T00:00:00Z' }, now)).toEqual({ state: 'closed' });
    expect(workState({ ...base, dueAt: '2026-12-05T00:00:00Z', latePolicy: 'penalty' }, now).state).toBe('working');
  });
});
