import { ProblemException } from '@gds/http';
import { normaliseText, QuizGrader, scoreQuestion } from './quiz.grader';
import { QuizKey, QuizQuestion } from './quiz-key';

const grader = new QuizGrader();

const KEY_INPUT = {
  questions: [
    { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }, { id: 'c', text: '22' }], correct: ['b'] },
    { id: 'q2', type: 'multiple', prompt: 'Which are hashes?', points: 2, partialCredit: 'per-option', options: [{ id: 'a', text: 'SHA-256' }, { id: 'b', text: 'AES' }, { id: 'c', text: 'MD5' }, { id: 'd', text: 'RSA' }], correct: ['a', 'c'] },
    { id: 'q3', type: 'numeric', prompt: 'Pi to two decimals', points: 1, answer: 3.14, tolerance: 0.01 },
    { id: 'q4', type: 'text', prompt: 'The capital of the Philippines', points: 1, accepted: ['Manila'] },
    { id: 'q5', type: 'text', prompt: 'A CIDR for one host', points: 1, pattern: '\\d{1,3}(\\.\\d{1,3}){3}/32' },
  ],
};
const key: QuizKey = grader.validateKey(KEY_INPUT);
const q = (id: string) => key.questions.find((x) => x.id === id) as QuizQuestion;

async function grade(answers: Record<string, unknown>, maxScore = 6) {
  return grader.grade({ key, answer: grader.validateAnswer({ answers }, key), traineeId: 't', assessmentId: 'a', versionId: 'v', submissionId: 's', maxScore });
}

describe('quiz grader', () => {
  it('gives full marks to a fully correct answer and scales points to the max score', async () => {
    const outcome = await grade({ q1: 'b', q2: ['a', 'c'], q3: 3.14, q4: 'Manila', q5: '10.0.0.1/32' }, 60);
    expect(outcome.score).toBe(60);
    expect(outcome.feedback.pointsEarned).toBe(6);
  });

  it('multiple choice per-option: correct picks minus wrong picks over the number correct, never below 0', () => {
    expect(scoreQuestion(q('q2'), ['a'])).toBe(1);
    expect(scoreQuestion(q('q2'), ['a', 'c'])).toBe(2);
    expect(scoreQuestion(q('q2'), ['a', 'b'])).toBe(0);
    expect(scoreQuestion(q('q2'), ['b', 'd'])).toBe(0);
    expect(scoreQuestion(q('q2'), ['a', 'c', 'b'])).toBe(1);
  });

  it('multiple choice all-or-nothing: only the exact set scores', () => {
    const strict = { ...q('q2'), partialCredit: 'all-or-nothing' as const };
    expect(scoreQuestion(strict, ['a'])).toBe(0);
    expect(scoreQuestion(strict, ['c', 'a'])).toBe(2);
    expect(scoreQuestion(strict, ['a', 'c', 'd'])).toBe(0);
  });

  it('numeric answers count within the tolerance, not beyond', () => {
    expect(scoreQuestion(q('q3'), 3.15)).toBe(1);
    expect(scoreQuestion(q('q3'), 3.13)).toBe(1);
    expect(scoreQuestion(q('q3'), 3.16)).toBe(0);
  });

  it('short text is matched after normalising case, Unicode form and spaces', () => {
    expect(scoreQuestion(q('q4'), '  MANILA ')).toBe(1);
    expect(scoreQuestion(q('q4'), 'Ｍａｎｉｌａ')).toBe(1);
    expect(scoreQuestion(q('q4'), 'Manila City')).toBe(0);
    expect(normaliseText('  New\t\tYork  ')).toBe('new york');
    expect(scoreQuestion({ ...q('q4'), caseSensitive: true }, 'manila')).toBe(0);
  });

  it('a pattern must match the whole answer', () => {
    expect(scoreQuestion(q('q5'), '192.168.1.1/32')).toBe(1);
    expect(scoreQuestion(q('q5'), 'x 192.168.1.1/32')).toBe(0);
  });

  it('a missing answer scores nothing', async () => {
    expect((await grade({})).score).toBe(0);
  });

  it('shuffles questions and options deterministically per attempt, differently across attempts', () => {
    const order = (attemptId: string) => JSON.stringify(grader.presentation(key, attemptId));
    expect(order('attempt-1')).toBe(order('attempt-1'));
    const distinct = new Set(['attempt-1', 'attempt-2', 'attempt-3', 'attempt-4', 'attempt-5'].map(order));
    expect(distinct.size).toBeGreaterThan(1);
    const shown = grader.presentation(key, 'attempt-2').questions as Array<{ id: string; options?: Array<{ id: string }> }>;
    expect(shown.map((x) => x.id).sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('never shows the key in the public view or a presentation', () => {
    const text = JSON.stringify([grader.publicView(key), grader.presentation(key, 'x')]);
    expect(text).not.toMatch(/correct|accepted|tolerance|pattern|3\.14|Manila/);
  });

  it('refuses invalid keys with 422 listing the problems', () => {
    const bad = () => grader.validateKey({ questions: [{ id: 'q1', type: 'single', prompt: 'x', options: [{ id: 'a', text: 'A' }], correct: ['z'] }] });
    expect(bad).toThrow(ProblemException);
    try {
      bad();
    } catch (error) {
      expect((error as ProblemException).getStatus()).toBe(422);
      expect(JSON.stringify((error as ProblemException).extra)).toMatch(/options/);
    }
    expect(() => grader.validateKey({ questions: [{ id: 'q1', type: 'text', prompt: 'x', pattern: '(' }] })).toThrow(ProblemException);
  });

  it('refuses answers of the wrong shape with 400', () => {
    expect(() => grader.validateAnswer({ answers: { q3: 'three' } }, key)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => grader.validateAnswer({ answers: { nope: 'a' } }, key)).toThrow(ProblemException);
  });
});
