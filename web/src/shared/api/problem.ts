/** An RFC 9457 problem as the API sends it (API.md: errors), with field errors for validation. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

/** The API answered with an error: its problem+json, or one made from the status when the body was not one. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The stable last segment of `type` (".../problems/attempts-exhausted" → "attempts-exhausted"). */
  get slug(): string {
    return this.problem.type.split('/').pop() ?? '';
  }

  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

/** The server could not be reached at all (offline, DNS, the server down): nothing was answered. */
export class UnreachableError extends Error {
  constructor(cause?: unknown) {
    super('The server could not be reached', { cause });
    this.name = 'UnreachableError';
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';
}

export function problemFrom(body: unknown, response: Response): ProblemError {
  if (isProblem(body)) return new ProblemError(body);
  return new ProblemError({ type: 'about:blank', title: response.statusText || 'Error', status: response.status });
}
