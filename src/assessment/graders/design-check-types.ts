/**
 * The shapes and size cap design checks share with the grader that asks for them. Kept apart from
 * design-checks.ts, whose jsdom and axe load only in the check's worker thread: the api and grader
 * processes (and every test that starts an app) no longer load them for a constant and three types.
 */
export interface RequiredSelector {
  selector: string;
  /** Shown to the trainee when the selector matches nothing. */
  message: string;
  /** At least this many matches (default 1). */
  min?: number;
}

export interface DesignFinding {
  kind: 'structure' | 'accessibility' | 'input';
  message: string;
  impact?: string;
}

export interface DesignCheckInput {
  html: string;
  css?: string;
  requiredSelectors: RequiredSelector[];
}

export const MAX_DESIGN_BYTES = 512 * 1024;
