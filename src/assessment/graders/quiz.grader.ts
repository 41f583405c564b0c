import { Injectable } from '@nestjs/common';
import { GradeOutcome, Grader, GradingContext } from './grader';
import { ShapeErrors, scaleScore } from './key-checks';
import { parseQuizKey, QuizKey, QuizQuestion } from './quiz-key';
import { seededShuffle } from './seeded-shuffle';

export type QuizAnswerValue = string | string[] | number;
export interface QuizAnswer {
  answers: Record<string, QuizAnswerValue>;
}

/** Quizzes: single and multiple choice, numeric with tolerance, short text. */
@Injectable()
export class QuizGrader implements Grader<QuizKey, QuizAnswer> {
  readonly kind = 'quiz' as const;
  readonly instant = true;

  validateKey(key: unknown): QuizKey {
    return parseQuizKey(key);
  }

  validateAnswer(raw: unknown, key: QuizKey): QuizAnswer {
    const errors = new ShapeErrors();
    const root = errors.object(raw, 'answer') ?? {};
    errors.onlyKeys(root, ['answers'], 'answer');
    const answers = errors.object(root.answers, 'answer.answers') ?? {};
    const byId = new Map(key.questions.map((q) => [q.id, q]));
    for (const [id, value] of Object.entries(answers)) {
      const question = byId.get(id);
      if (!question) errors.add(`answer.answers.${id}`, 'is not a question of this quiz');
      else checkAnswerShape(question, value, `answer.answers.${id}`, errors);
    }
    errors.throwInvalidAnswer();
    return { answers: answers as Record<string, QuizAnswerValue> };
  }

  publicView(key: QuizKey): Record<string, unknown> {
    return { questions: key.questions.map(publicQuestion) };
  }

  /** The questions as one attempt shows them: order of questions and options shuffled from the attempt id. */
  presentation(key: QuizKey, attemptId: string): Record<string, unknown> {
    const questions = key.shuffleQuestions ? seededShuffle(key.questions, `${attemptId}:questions`) : key.questions;
    return {
      questions: questions.map((q) => {
        const view = publicQuestion(q);
        if (view.options && key.shuffleOptions) view.options = seededShuffle(view.options as unknown[], `${attemptId}:${q.id}`);
        return view;
      }),
    };
  }

  async grade(context: GradingContext<QuizKey, QuizAnswer>): Promise<GradeOutcome> {
    const total = context.key.questions.reduce((sum, q) => sum + q.points, 0);
    const results = context.key.questions.map((q) => ({ questionId: q.id, points: q.points, earned: scoreQuestion(q, context.answer.answers[q.id]) }));
    const earned = results.reduce((sum, r) => sum + r.earned, 0);
    return {
      score: scaleScore(earned, total, context.maxScore),
      maxScore: context.maxScore,
      feedback: {
        questions: results.map((r) => ({ ...r, correct: r.earned >= r.points })),
        pointsEarned: Math.round(earned * 100) / 100,
        pointsPossible: total,
      },
    };
  }
}

function publicQuestion(q: QuizQuestion): Record<string, unknown> {
  return {
    id: q.id,
    type: q.type,
    prompt: q.prompt,
    points: q.points,
    ...(q.options ? { options: q.options.map((o) => ({ id: o.id, text: o.text })) } : {}),
    ...(q.type === 'multiple' ? { partialCredit: q.partialCredit } : {}),
  };
}

function checkAnswerShape(q: QuizQuestion, value: unknown, field: string, errors: ShapeErrors): void {
  if (q.type === 'single' && typeof value !== 'string') errors.add(field, 'must be an option id');
  if (q.type === 'multiple' && (!Array.isArray(value) || value.length > 20 || value.some((v) => typeof v !== 'string'))) {
    errors.add(field, 'must be an array of option ids');
  }
  if (q.type === 'numeric' && (typeof value !== 'number' || !Number.isFinite(value))) errors.add(field, 'must be a number');
  if (q.type === 'text' && (typeof value !== 'string' || value.length > 500)) errors.add(field, 'must be a string of at most 500 characters');
}

/** Points earned on one question; a missing answer earns nothing. Exported for the unit tests. */
export function scoreQuestion(q: QuizQuestion, value: QuizAnswerValue | undefined): number {
  if (value === undefined) return 0;
  const correct = q.correct ?? [];
  switch (q.type) {
    case 'single':
      return value === correct[0] ? q.points : 0;
    case 'multiple':
      return scoreMultiple(q, new Set(value as string[]));
    case 'numeric':
      return Math.abs((value as number) - (q.answer ?? 0)) <= (q.tolerance ?? 0) + 1e-9 ? q.points : 0;
    case 'text':
      return textMatches(q, value as string) ? q.points : 0;
  }
}

function scoreMultiple(q: QuizQuestion, picked: Set<string>): number {
  const correct = new Set(q.correct ?? []);
  const right = [...picked].filter((id) => correct.has(id)).length;
  const wrong = picked.size - right;
  if (q.partialCredit === 'per-option') return (q.points * Math.max(0, right - wrong)) / correct.size;
  return right === correct.size && wrong === 0 ? q.points : 0;
}

/** Case (unless sensitive), Unicode form, surrounding and repeated whitespace do not matter. */
export function normaliseText(text: string, caseSensitive = false): string {
  const spaced = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return caseSensitive ? spaced : spaced.toLowerCase();
}

function textMatches(q: QuizQuestion, value: string): boolean {
  const given = normaliseText(value, q.caseSensitive);
  if ((q.accepted ?? []).some((a) => normaliseText(a, q.caseSensitive) === given)) return true;
  if (!q.pattern) return false;
  return new RegExp(`^(?:${q.pattern})$`, q.caseSensitive ? 'u' : 'iu').test(given);
}
