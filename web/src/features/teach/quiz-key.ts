/** The quiz key as the editor holds it (the API's shape: see src/assessment/graders/quiz-key.ts). */
export interface QuizOptionDraft {
  id: string;
  text: string;
}

export interface QuizQuestionDraft {
  id: string;
  type: 'single' | 'multiple';
  prompt: string;
  points: number;
  options: QuizOptionDraft[];
  correct: string[];
  partialCredit: 'all-or-nothing' | 'per-option';
}

export interface QuizKeyDraft {
  questions: QuizQuestionDraft[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export type QuizProblem = { question: number; rule: 'no-prompt' | 'few-options' | 'empty-option' | 'no-correct' | 'single-needs-one' };

export const newQuestion = (n: number): QuizQuestionDraft => ({
  id: `q${n}`,
  type: 'single',
  prompt: '',
  points: 1,
  options: [
    { id: 'a', text: '' },
    { id: 'b', text: '' },
  ],
  correct: [],
  partialCredit: 'all-or-nothing',
});

/** An id not used yet among `ids`: a, b, c, … then o27, o28, … */
export function nextOptionId(ids: string[]): string {
  for (let i = 0; i < 26; i++) {
    const id = String.fromCharCode(97 + i);
    if (!ids.includes(id)) return id;
  }
  let n = ids.length + 1;
  while (ids.includes(`o${n}`)) n++;
  return `o${n}`;
}

/** What the API would refuse, per question (1-based), so the editor says it before saving. */
export function quizProblems(key: QuizKeyDraft): QuizProblem[] {
  const problems: QuizProblem[] = [];
  key.questions.forEach((q, i) => {
    const question = i + 1;
    if (!q.prompt.trim()) problems.push({ question, rule: 'no-prompt' });
    if (q.options.length < 2) problems.push({ question, rule: 'few-options' });
    if (q.options.some((o) => !o.text.trim())) problems.push({ question, rule: 'empty-option' });
    if (q.correct.length === 0) problems.push({ question, rule: 'no-correct' });
    else if (q.type === 'single' && q.correct.length !== 1) problems.push({ question, rule: 'single-needs-one' });
  });
  return problems;
}

/** The key to send: choice questions only carry partial credit when they are multiple choice. */
export function quizKeyForApi(key: QuizKeyDraft): Record<string, unknown> {
  return {
    shuffleQuestions: key.shuffleQuestions,
    shuffleOptions: key.shuffleOptions,
    questions: key.questions.map(({ partialCredit, ...q }) => ({ ...q, ...(q.type === 'multiple' ? { partialCredit } : {}) })),
  };
}

/** A stored key back into the editor (numeric and text questions are not authored here and are kept as they are). */
export function quizKeyFromApi(raw: Record<string, unknown> | undefined): QuizKeyDraft {
  const questions = Array.isArray(raw?.questions) ? (raw.questions as Array<Partial<QuizQuestionDraft>>) : [];
  return {
    shuffleQuestions: raw?.shuffleQuestions !== false,
    shuffleOptions: raw?.shuffleOptions !== false,
    questions: questions.map((q, i) => ({
      ...newQuestion(i + 1),
      ...q,
      options: q.options ?? [],
      correct: q.correct ?? [],
      partialCredit: q.partialCredit ?? 'all-or-nothing',
    })) as QuizQuestionDraft[],
  };
}
