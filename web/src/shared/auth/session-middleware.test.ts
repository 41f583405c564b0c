// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import createClient from 'openapi-fetch';
import { Session } from './session';
import { sessionMiddleware } from './session-middleware';
import type { SessionTransport } from './session-transport';
import { fakeWebLocks } from './fake-web-locks.test-support';

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

/** Two tabs of one browser: each its own Session and client, one origin (locks, messages, the server). */
describe('two tabs whose access tokens are refused at the same moment (issue 14)', () => {
  const grantOf = (token: string) => ({ accessToken: token, expiresAt: Date.now() + 900_000, lifetimeMs: 900_000, user });
  const json = (status: number) => new Response('{"status":401,"title":"Unauthorized","type":"about:blank"}', { status, headers: { 'content-type': 'application/json' } });

  /** The server: answers 200 to a live token, 401 to any other; records who sent what. */
  function server(live: Set<string>) {
    const seen: { path: string; auth: string | null; status: number }[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      const auth = request.headers.get('authorization');
      const status = auth && live.has(auth.slice('Bearer '.length)) ? 200 : 401;
      seen.push({ path: new URL(request.url).pathname, auth, status });
      return status === 200 ? new Response('{}', { status, headers: { 'content-type': 'application/json' } }) : json(status);
    });
    return seen;
  }

  function clientOf(session: Session) {
    const client = createClient<any>({ baseUrl: 'http://app.test' });
    client.use(sessionMiddleware(session));
    return client;
  }

  it('the tab that waited for the other tab\'s refresh repeats its request with the token it was sent, and one refresh serves both', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeWebLocks() });
    const live = new Set(['old']);
    const seen = server(live);
    let finishRefresh!: () => void;
    const refresh = vi.fn(
      () =>
        new Promise<ReturnType<typeof grantOf>>((resolve) => {
          finishRefresh = () => {
            live.add('new');
            resolve(grantOf('new'));
          };
        }),
    );
    const transport = { signIn: async () => grantOf('old'), refresh, signOut: async () => undefined };
    const tabA = new Session(transport, storage);
    const tabB = new Session(transport, storage);
    await tabA.signIn('a', 'b');
    await vi.waitFor(() => expect(tabB.accessToken()).toBe('old'));
    live.delete('old');

    // Tab A is refused first and takes the lock; tab B is refused while A's refresh is under way.
    const inA = clientOf(tabA).GET('/profile' as never, {} as never);
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    const inB = clientOf(tabB).GET('/inbox' as never, {} as never);
    await vi.waitFor(() => expect(seen.filter((s) => s.path === '/inbox')).toHaveLength(1));
    finishRefresh();

    expect((await inA).response.status).toBe(200);
    expect((await inB).response.status).toBe(200);
    expect(seen.filter((s) => s.path === '/inbox')).toEqual([
      { path: '/inbox', auth: 'Bearer old', status: 401 },
      { path: '/inbox', auth: 'Bearer new', status: 200 },
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('a refresh that answers the very token the request was refused with (two refreshes in one second once minted equal JWTs) is not used to repeat it', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeWebLocks() });
    const live = new Set(['restored']);
    const seen = server(live);
    // What the failing CI run showed: the tab restored its session, the token was refused, and the
    // refresh within the same second answered the same text, so the inbox was repeated with it.
    const minted = ['restored', 'restored', 'fresh'];
    const refresh = vi.fn(async () => {
      const token = minted.shift()!;
      if (token === 'fresh') live.add(token);
      return grantOf(token);
    });
    const tab = new Session({ signIn: async () => grantOf('unused'), refresh, signOut: async () => undefined }, storage);
    await tab.refresh(undefined);
    expect(tab.accessToken()).toBe('restored');
    live.delete('restored');

    const result = await clientOf(tab).GET('/inbox' as never, {} as never);
    expect(result.response.status).toBe(200);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer restored', 'Bearer fresh']);
  });
});
