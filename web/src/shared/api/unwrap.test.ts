import { describe, expect, it } from 'vitest';
import { unwrap } from './unwrap';
import { ProblemError, UnreachableError } from './problem';

describe('unwrap', () => {
  it('returns the data of a success', async () => {
    expect(await unwrap(Promise.resolve({ data: { id: 1 }, response: new Response(null, { status: 200 }) }))).toEqual({ id: 1 });
  });

  it('throws the problem, with its detail and field errors, for an error answer', async () => {
    const problem = { type: 'https://x/problems/validation', title: 'Bad request', status: 400, detail: 'Check the fields', errors: [{ field: 'email', message: 'must be an email' }] };
    const error = (await unwrap(Promise.resolve({ error: problem, response: new Response(null, { status: 400 }) })).catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.message).toBe('Check the fields');
    expect(error.slug).toBe('validation');
    expect(error.fieldError('email')).toBe('must be an email');
  });

  it('makes a problem from the status when the body is not one (a proxy page)', async () => {
    const error = (await unwrap(Promise.resolve({ error: '<html>', response: new Response(null, { status: 502, statusText: 'Bad Gateway' }) })).catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.status).toBe(502);
  });

  it('says "unreachable" when fetch itself failed', async () => {
    await expect(unwrap(Promise.reject(new TypeError('Failed to fetch')))).rejects.toBeInstanceOf(UnreachableError);
  });
});
