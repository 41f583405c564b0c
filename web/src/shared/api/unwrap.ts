import { problemFrom, UnreachableError } from './problem';

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws a ProblemError (the API said no) or
 * an UnreachableError (no answer). Query functions and mutations use it, so TanStack Query sees
 * one kind of failure and screens show the problem's `detail`.
 */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof TypeError || (error instanceof DOMException && error.name !== 'AbortError')) throw new UnreachableError(error);
    throw error;
  }
  if (result.error !== undefined || !result.response.ok) throw problemFrom(result.error, result.response);
  return result.data as T;
}
