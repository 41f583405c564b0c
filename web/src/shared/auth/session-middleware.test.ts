import { afterEach, describe, expect, it, vi } from 'vitest';
import createClient from 'openapi-fetch';
import { Session } from './session';
import { sessionMiddleware } from './session-middleware';
import type { SessionTransport } from './session-transport';

const user = { id: 'u1', displayName: 'Ana', roles: ['trainee'], language: 'en' };
const storage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } as unknown as Storage;

function signedInSession(refresh: SessionTransport['refresh']): Session {
  return new Session({ signIn: async () => ({ accessToken: 'old', expiresAt: Date.now() + 900_000, lifetimeMs: 900_000, user }), refresh, signOut: async () => undefined }, storage);
}

afterEach(() => vi.unstubAllGlobals());

describe('sessionMiddleware', () => {
  it('answers a 401 by refreshing once and repeating the request, body included, with the new token', async () => {
    const seen: { auth: string | null; body: string }[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      seen.push({ auth: request.headers.get('authorization'), body: await request.text() });
      return new Response(JSON.stringify({ ok: seen.length }), { status: seen.length === 1 ? 401 : 200, headers: { 'content-type': 'application/json' } });
    });
    const refresh = vi.fn(async () => ({ accessToken: 'new', expiresAt: Date.now() + 900_000, lifetimeMs: 900_000, user }));
    const session = signedInSession(refresh);
    await session.signIn('a', 'b');
    const client = createClient<any>({ baseUrl: 'http://app.test' });
    client.use(sessionMiddleware(session));
    const result = await client.POST('/api/v1/things' as never, { body: { name: 'x' } } as never);
    expect(result.response.status).toBe(200);
    expect(seen).toEqual([
      { auth: 'Bearer old', body: '{"name":"x"}' },
      { auth: 'Bearer new', body: '{"name":"x"}' },
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('gives the 401 back when the refresh is refused (no loop), and the session ends', async () => {
    const fetchMock = vi.fn(async () => new Response('{"status":401,"title":"Unauthorized","type":"about:blank"}', { status: 401 }));
    vi.stubGlobal('fetch', fetchMock);
    const session = signedInSession(async () => null);
    await session.signIn('a', 'b');
    const client = createClient<any>({ baseUrl: 'http://app.test' });
    client.use(sessionMiddleware(session));
    const result = await client.GET('/api/v1/me' as never, {} as never);
    expect(result.response.status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().reason).toBe('expired');
  });

  it('sends no token for a visitor who is not signed in', async () => {
    let auth: string | null = 'unset';
    vi.stubGlobal('fetch', async (request: Request) => {
      auth = request.headers.get('authorization');
      return new Response('[]', { status: 200 });
    });
    const client = createClient<any>({ baseUrl: 'http://app.test' });
    client.use(sessionMiddleware(signedInSession(async () => null)));
    await client.GET('/api/v1/tracks' as never, {} as never);
    expect(auth).toBeNull();
  });
});
