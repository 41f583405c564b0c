// Interim shapes of the trainee's assessment routes until they declare their response schemas
// (src/assessment/assessment-views.ts and the graders' publicView are the source of truth).

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

export type SubmissionStatus = 'queued' | 'graded' | 'needs_review' | 'error';

export interface OwnSubmission {
  id: string;
  status: SubmissionStatus;
  score: number | null;
  passed: boolean | null;
  submittedAt: string;
}

/** GET /api/v1/assessments/:id as an enrolled trainee sees it: never a key. */
export interface AssessmentView {
  id: string;
  moduleId: string;
  kind: AssessmentKind;
  title: string;
  instructions: string;
  maxScore: number;
  passMark: number;
  required: boolean;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  latePolicy: 'refuse' | 'penalty';
  latePenaltyPercentPerDay: number;
  content: Record<string, unknown>;
  dueAt: string | null;
  attemptsUsed: number;
  openAttempt: { id: string; deadlineAt: string | null } | null;
  submissions: OwnSubmission[];
}

/** POST /api/v1/assessments/:id/attempts */
export interface AttemptView {
  id: string;
  assessmentId: string;
  attemptNumber: number;
  attemptsAllowed: number;
  startedAt: string;
  deadlineAt: string | null;
  content: Record<string, unknown>;
}

/** POST /api/v1/assessments/:id/hints/:hintId/reveal */
export interface RevealedHint {
  hintId: string;
  text: string;
  cost: number;
  revealedAt: string;
}

/** POST /api/v1/assessments/:id/trial-runs (TrialRun in the OpenAPI document). */
export interface TrialRun {
  assessmentId: string;
  kind: 'sql' | 'config';
  status: 'ok' | 'error' | 'unreadable';
  message?: string;
  result?: { columns: string[]; rows: (string | null)[][]; rowCount: number; truncated: boolean };
  format?: string;
  rules?: { id?: string; description: string; passed: boolean; message: string; at?: string; errors?: string[] }[];
}

/** GET /api/v1/submissions/:id as its trainee sees it. */
export interface SubmissionView {
  id: string;
  assessmentId: string;
  attemptId: string | null;
  status: SubmissionStatus;
  queuePosition?: number;
  submittedAt: string;
  lateDays: number | null;
  score: number | null;
  maxScore: number | null;
  passed: boolean | null;
  feedback: Record<string, unknown> | null;
  error: string | null;
  gradedAt: string | null;
  answer: Record<string, unknown>;
}

/** What each kind submits (the graders' validateAnswer shapes). */
export type QuizAnswerValue = string | string[] | number;
export type QuizAnswer = {
  answers: Record<string, QuizAnswerValue>;
};
