/**
 * The shape every grader has. A grader is pure with respect to app data: it receives the frozen
 * answer key of the assessment (as published in the course version) and the trainee's answer, and
 * answers a score with feedback. Graders for SQL run the answer in the sandbox database only.
 */
export interface GradeOutcome {
  /** 0..maxScore, before any late penalty (the grading service applies penalties). */
  score: number;
  maxScore: number;
  /** Shown to the trainee: never contains the answer key. */
  feedback: Record<string, unknown>;
  /** True when a person must grade it (rubric); score is then 0 until reviewed. */
  needsReview?: boolean;
}

export interface GradingContext<Key, Answer> {
  key: Key;
  answer: Answer;
  traineeId: string;
  assessmentId: string;
  /** The published course version whose frozen key is used. */
  versionId: string;
  submissionId: string;
  maxScore: number;
}

export interface Grader<Key = unknown, Answer = unknown> {
  readonly kind: 'quiz' | 'flag' | 'sql' | 'config' | 'rubric';
  /**
   * Grades from memory in well under a millisecond (no I/O, no document parsing), so the grading
   * worker may grade inside the transaction that stores the grade. False for graders that may take
   * long (SQL runs a query, rubric loads a document): they grade outside any transaction.
   */
  readonly instant: boolean;
  /** Checks an instructor's key when the assessment is authored; throws a 422 ProblemException when invalid. */
  validateKey(key: unknown): Key;
  /**
   * Optional deeper check run when an instructor saves a key (e.g. SQL: load the dataset and run the
   * reference query), so a broken key is a 422 then rather than a grading error later.
   */
  verifyKey?(key: Key): Promise<void>;
  /** Checks a trainee's answer shape when submitted; throws a 400 ProblemException when invalid. */
  validateAnswer(answer: unknown, key: Key): Answer;
  /** What a trainee may see of the key (questions without correct answers, dataset schema...). */
  publicView(key: Key): Record<string, unknown>;
  grade(context: GradingContext<Key, Answer>): Promise<GradeOutcome>;
}

/**
 * The exercise's key cannot grade anything (a dataset that does not load, a reference query that
 * fails): retrying will not help. The submission ends in error at once and the instructors are told.
 */
export class GradingKeyError extends Error {}
