import type { QuizAnswer, QuizQuestion } from './assessment.types';

/** What the quiz form holds while typing: choices as ids, numbers and text as typed. */
export type QuizDraft = Record<string, string | string[]>;

/** The number a person typed ("3,5" reads as 3.5, as Spanish speakers write it), or null when it is not one. */
export function parseNumber(typed: string): number | null {
  const cleaned = typed.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** The questions not yet answered (asked about before submitting, never refused). */
export function unanswered(questions: QuizQuestion[], draft: QuizDraft): QuizQuestion[] {
  return questions.filter((q) => {
    const value = draft[q.id];
    if (Array.isArray(value)) return value.length === 0;
    return value === undefined || value.trim() === '';
  });
}

/** Questions whose typed number cannot be read: shown as field errors, and they block submitting. */
export function unreadableNumbers(questions: QuizQuestion[], draft: QuizDraft): string[] {
  return questions.filter((q) => q.type === 'numeric' && typeof draft[q.id] === 'string' && (draft[q.id] as string).trim() !== '' && parseNumber(draft[q.id] as string) === null).map((q) => q.id);
}

/** The answer the quiz grader reads: unanswered questions left out, numbers as numbers. */
export function quizAnswerOf(questions: QuizQuestion[], draft: QuizDraft): QuizAnswer {
  const answers: QuizAnswer['answers'] = {};
  for (const q of questions) {
    const value = draft[q.id];
    if (value === undefined) continue;
    if (q.type === 'multiple') {
      if (Array.isArray(value) && value.length > 0) answers[q.id] = value;
    } else if (q.type === 'numeric') {
      const parsed = typeof value === 'string' ? parseNumber(value) : null;
      if (parsed !== null) answers[q.id] = parsed;
    } else if (typeof value === 'string' && value.trim() !== '') {
      answers[q.id] = q.type === 'text' ? value.trim() : value;
    }
  }
  return { answers };
}
