import { ShapeErrors } from './key-checks';

export const QUESTION_TYPES = ['single', 'multiple', 'numeric', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * Partial credit for multiple choice, stated to trainees in the public view:
 * - `all-or-nothing`: full points only for exactly the correct set;
 * - `per-option`: points × max(0, (correct picked − wrong picked) / number correct).
 */
export const PARTIAL_CREDIT_RULES = ['all-or-nothing', 'per-option'] as const;
export type PartialCreditRule = (typeof PARTIAL_CREDIT_RULES)[number];

export interface QuizOption {
  id: string;
  text: string;
}

export interface QuizQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  points: number;
  options?: QuizOption[];
  /** single/multiple: ids of the correct options. */
  correct?: string[];
  partialCredit?: PartialCreditRule;
  /** numeric */
  answer?: number;
  tolerance?: number;
  /** text: normalised exact matches, and/or a pattern (anchored, case-insensitive unless caseSensitive). */
  accepted?: string[];
  pattern?: string;
  caseSensitive?: boolean;
}

export interface QuizKey {
  questions: QuizQuestion[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

const QUESTION_FIELDS = ['id', 'type', 'prompt', 'points', 'options', 'correct', 'partialCredit', 'answer', 'tolerance', 'accepted', 'pattern', 'caseSensitive'];

export function parseQuizKey(raw: unknown): QuizKey {
  const errors = new ShapeErrors();
  const root = errors.object(raw, 'key') ?? {};
  errors.onlyKeys(root, ['questions', 'shuffleQuestions', 'shuffleOptions'], 'key');
  const questions = errors.array(root.questions, 'key.questions', 1, 200).map((q, i) => parseQuestion(q, `key.questions[${i}]`, errors));
  errors.unique(questions.map((q) => q.id), 'key.questions');
  errors.throwInvalidKey('quiz');
  return { questions, shuffleQuestions: root.shuffleQuestions !== false, shuffleOptions: root.shuffleOptions !== false };
}

function parseQuestion(raw: unknown, field: string, errors: ShapeErrors): QuizQuestion {
  const q = errors.object(raw, field) ?? {};
  errors.onlyKeys(q, QUESTION_FIELDS, field);
  const type = q.type as QuestionType;
  if (!QUESTION_TYPES.includes(type)) errors.add(`${field}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
  const question: QuizQuestion = {
    id: errors.id(q.id, `${field}.id`),
    type,
    prompt: errors.text(q.prompt, `${field}.prompt`, 5000),
    points: errors.number(q.points ?? 1, `${field}.points`, 0.01, 1000),
  };
  if (type === 'single' || type === 'multiple') Object.assign(question, parseChoice(q, field, errors));
  if (type === 'numeric') {
    question.answer = errors.number(q.answer, `${field}.answer`, -1e12, 1e12);
    question.tolerance = errors.number(q.tolerance ?? 0, `${field}.tolerance`, 0, 1e12);
  }
  if (type === 'text') Object.assign(question, parseText(q, field, errors));
  return question;
}

function parseChoice(q: Record<string, unknown>, field: string, errors: ShapeErrors): Partial<QuizQuestion> {
  const options = errors.array(q.options, `${field}.options`, 2, 20).map((o, i) => {
    const option = errors.object(o, `${field}.options[${i}]`) ?? {};
    errors.onlyKeys(option, ['id', 'text'], `${field}.options[${i}]`);
    return { id: errors.id(option.id, `${field}.options[${i}].id`), text: errors.text(option.text, `${field}.options[${i}].text`, 1000) };
  });
  errors.unique(options.map((o) => o.id), `${field}.options`);
  const correct = errors.array(q.correct, `${field}.correct`, 1, 20).map((c) => String(c));
  const ids = options.map((o) => o.id);
  if (correct.some((c) => !ids.includes(c))) errors.add(`${field}.correct`, 'must name option ids');
  if (q.type === 'single' && correct.length !== 1) errors.add(`${field}.correct`, 'a single-choice question has exactly one correct option');
  const partialCredit = (q.partialCredit ?? 'all-or-nothing') as PartialCreditRule;
  if (!PARTIAL_CREDIT_RULES.includes(partialCredit)) errors.add(`${field}.partialCredit`, `must be one of ${PARTIAL_CREDIT_RULES.join(', ')}`);
  return { options, correct, ...(q.type === 'multiple' ? { partialCredit } : {}) };
}

function parseText(q: Record<string, unknown>, field: string, errors: ShapeErrors): Partial<QuizQuestion> {
  const accepted = q.accepted === undefined ? [] : errors.array(q.accepted, `${field}.accepted`, 1, 50).map((a, i) => errors.text(a, `${field}.accepted[${i}]`, 500));
  let pattern: string | undefined;
  if (q.pattern !== undefined) {
    pattern = errors.text(q.pattern, `${field}.pattern`, 300);
    try {
      new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      errors.add(`${field}.pattern`, 'is not a valid regular expression');
    }
  }
  if (accepted.length === 0 && pattern === undefined) errors.add(field, 'a text question needs accepted answers or a pattern');
  return { accepted, ...(pattern !== undefined ? { pattern } : {}), caseSensitive: q.caseSensitive === true };
}
