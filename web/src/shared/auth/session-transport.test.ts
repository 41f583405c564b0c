import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionTransport } from './session-transport';
import { ProblemError, UnreachableError } from '../api/problem';

const USER = { id: 'u1', displayName: 'Ana', roles: ['trainee'], language: 'es' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

function recordFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  });
  return calls;
}

describe('sessionTransport (cookie-mode routes)', () => {
  it('signs in through the browser route with the web-client header, and keeps no refresh token', async () => {
    const calls = recordFetch(() => json({ accessToken: 'a1', expiresIn: 900, tokenType: 'Bearer', user: USER, refreshToken: 'never-used' }));
    const before = Date.now();
    const grant = await sessionTransport.signIn('ana@gds.test', 'pw');
    expect(calls[0].url).toBe('/api/v1/auth/web/login');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect((calls[0].init.headers as Record<string, string>)['x-gds-client']).toBe('web');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ email: 'ana@gds.test', password: 'pw' });
    expect(grant).toMatchObject({ accessToken: 'a1', lifetimeMs: 900_000, user: USER });
    expect(grant.expiresAt).toBeGreaterThanOrEqual(before + 900_000);
    expect(JSON.stringify(grant)).not.toContain('never-used');
  });

  it('refreshes from the cookie (no token in the body); a 401 means no session here', async () => {
    const calls = recordFetch(() => json({ type: 'x/invalid-refresh-token', title: 'Unauthorized', status: 401 }, 401));
    expect(await sessionTransport.refresh()).toBeNull();
    expect(calls[0].url).toBe('/api/v1/auth/web/refresh');
    expect(calls[0].init.body).toBe('{}');
  });

  it('gives other refusals and an unreachable server back as errors (the session is kept)', async () => {
    recordFetch(() => json({ type: 'x/cross-origin-request', title: 'Forbidden', status: 403 }, 403));
    await expect(sessionTransport.refresh()).rejects.toBeInstanceOf(ProblemError);
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(sessionTransport.refresh()).rejects.toBeInstanceOf(UnreachableError);
  });

  it('signs out through the browser route', async () => {
    const calls = recordFetch(() => json({ ended: true }));
    await sessionTransport.signOut();
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/auth/web/logout']);
  });
});
