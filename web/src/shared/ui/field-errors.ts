import { ProblemError } from '../api/problem';
import { fieldErrorText } from '../api/problem-messages';

/** The API's field errors by field name ({ field: message }), so a 400/422 shows each message under its own input, in the user's language for the common rules. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError) || !error.problem.errors) return {};
  const result: Record<string, string> = {};
  for (const { field, message } of error.problem.errors) result[field] ??= fieldErrorText(message);
  return result;
}
