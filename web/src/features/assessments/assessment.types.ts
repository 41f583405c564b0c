import type { components } from '../../shared/api/schema.gen';

// The routes' answers are the generated types (schema.gen.ts); `content` is an open object in the
// document (each kind's publicView), so its shapes per kind are written here.

export type AssessmentKind = 'quiz' | 'flag' | 'sql' | 'config' | 'rubric';

export interface QuizQuestion {
  id: string;
  type: 'single' | 'multiple' | 'numeric' | 'text';
  prompt: string;
  points: number;
  options?: { id: string; text: string }[];
  partialCredit?: 'all-or-nothing' | 'per-option';
}
export interface QuizContent {
  questions: QuizQuestion[];
}

export interface FlagContent {
  flags: { id: string; label: string; points: number }[];
  hints: { id: string; cost: number }[];
}

export interface SqlTable {
  name: string;
  columns: { name: string; type: string }[];
  rowCount?: number;
  sampleRows?: unknown[][];
}
export interface SqlContent {
  dataset: { tables: SqlTable[]; ddl?: string[] };
  rowCap: number;
  statementTimeoutMs: number;
  orderMatters: boolean;
}

export interface ConfigContent {
  format: 'json' | 'yaml' | 'auto';
  rules: { id: string; points: number; description: string }[];
  totalPoints: number;
}

export interface RubricContent {
  criteria: { id: string; title: string; levels: { label: string; points: number }[] }[];
  design?: { requirements: string[]; accessibility: string };
}

type Schemas = components['schemas'];

export type SubmissionStatus = Schemas['OwnSubmissionRefView']['status'];

export type OwnSubmission = Schemas['OwnSubmissionRefView'];

/**
 * GET /api/v1/assessments/:id as an enrolled trainee sees it: never a key. The document's view
 * serves editors and instructors too, so the trainee's members are optional there; a trainee's
 * answer always has them.
 */
export type AssessmentView = Schemas['AssessmentView'] & Required<Pick<Schemas['AssessmentView'], 'content' | 'dueAt' | 'attemptsUsed' | 'openAttempt' | 'submissions'>>;

/** POST /api/v1/assessments/:id/attempts */
export type AttemptView = Schemas['AttemptView'];

/** POST /api/v1/assessments/:id/hints/:hintId/reveal */
export type RevealedHint = Schemas['RevealedHintView'];

/** POST /api/v1/assessments/:id/trial-runs */
export type TrialRun = Schemas['TrialRun'];

/** GET /api/v1/submissions/:id as its trainee sees it. */
export type SubmissionView = Schemas['SubmissionDetailView'];

/** What each kind submits (the graders' validateAnswer shapes). */
export type QuizAnswerValue = string | string[] | number;
export type QuizAnswer = {
  answers: Record<string, QuizAnswerValue>;
};
