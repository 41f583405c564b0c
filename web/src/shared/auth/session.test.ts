// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from './session';
import type { AccessGrant, SessionTransport } from './session-transport';
import { fakeWebLocks } from './fake-web-locks.test-support';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
    key: () => null,
    get length() {
      return map.size;
    },
  };
}

const USER = { id: 'u1', displayName: 'Ana', roles: ['trainee'], language: 'es' };
const grant = (token: string, ttlMs = 900_000): AccessGrant => ({ accessToken: token, expiresAt: Date.now() + ttlMs, lifetimeMs: ttlMs, user: USER });

function transport(overrides: Partial<SessionTransport> = {}): SessionTransport {
  return {
    signIn: vi.fn(async () => grant('first')),
    refresh: vi.fn(async () => grant('refreshed')),
    signOut: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('Session', () => {
  it('does not ask the server to restore a session this browser never had', async () => {
    const t = transport();
    const session = new Session(t, memoryStorage());
    await session.start();
    expect(t.refresh).not.toHaveBeenCalled();
    expect(session.getSnapshot().status).toBe('signed-out');
  });

  it('restores a session after a reload with one refresh', async () => {
    const storage = memoryStorage();
    await new Session(transport(), storage).signIn('a@b.c', 'pw');
    const t = transport();
    const reloaded = new Session(t, storage);
    await reloaded.start();
    expect(t.refresh).toHaveBeenCalledTimes(1);
    expect(reloaded.accessToken()).toBe('refreshed');
  });

  it('refreshes once for many requests refused together', async () => {
    let resolve!: (value: AccessGrant) => void;
    const t = transport({ refresh: vi.fn(() => new Promise<AccessGrant>((r) => (resolve = r))) });
    const session = new Session(t, memoryStorage());
    await session.signIn('a@b.c', 'pw');
    const results = [session.refresh('first'), session.refresh('first'), session.refresh('first')];
    resolve(grant('second'));
    expect(await Promise.all(results)).toEqual(['second', 'second', 'second']);
    expect(t.refresh).toHaveBeenCalledTimes(1);
  });

  it('lets requests start with the new token before any screen hears of the sign-in', async () => {
    const session = new Session(transport(), memoryStorage());
    const heard: string[] = [];
    session.subscribe(() => heard.push(`listener saw ${session.getSnapshot().status}`));
    // A request's own microtasks (as openapi-fetch's middleware makes) must all run before the screens hear.
    const request = (token: string | undefined) => Promise.resolve().then(() => Promise.resolve()).then(() => heard.push(`request with ${token}`));
    const user = await session.signIn('a@b.c', 'pw', (who) => {
      heard.push(`before shown: ${who.displayName}, ${session.getSnapshot().status}`);
      void request(session.accessToken());
    });
    expect(user).toEqual(USER);
    expect(heard).toEqual(['before shown: Ana, starting', 'request with first', 'listener saw signed-in']);
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('uses a token that already replaced the refused one instead of refreshing again', async () => {
    const t = transport();
    const session = new Session(t, memoryStorage());
    await session.signIn('a@b.c', 'pw');
    expect(await session.refresh('an-older-token')).toBe('first');
    expect(t.refresh).not.toHaveBeenCalled();
  });

  it('ends as "expired" when the server refuses the refresh, and forgets the token', async () => {
    const session = new Session(transport({ refresh: vi.fn(async () => null) }), memoryStorage());
    await session.signIn('a@b.c', 'pw');
    expect(await session.refresh('first')).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(session.accessToken()).toBeUndefined();
  });

  it('keeps the "signed in here" hint when the server cannot be reached at start (a reload aborts the request)', async () => {
    const storage = memoryStorage();
    await new Session(transport(), storage).signIn('a@b.c', 'pw');
    const offline = new Session(transport({ refresh: vi.fn(async () => Promise.reject(new TypeError('aborted'))) }), storage);
    await offline.start();
    expect(offline.getSnapshot().status).toBe('signed-out');
    const next = transport();
    await new Session(next, storage).start();
    expect(next.refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    const session = new Session(transport({ refresh: vi.fn(async () => Promise.reject(new TypeError('offline'))) }), memoryStorage());
    await session.signIn('a@b.c', 'pw');
    await expect(session.refresh('first')).rejects.toThrow('offline');
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('refreshes ahead of expiry by a quarter of a short token\'s life, not every request', () => {
    const session = new Session(transport(), memoryStorage());
    const now = Date.now();
    (session as unknown as { grant: AccessGrant }).grant = { ...grant('t', 40_000), expiresAt: now + 40_000 };
    expect(session.expiresSoon(now)).toBe(false);
    expect(session.expiresSoon(now + 29_000)).toBe(false);
    expect(session.expiresSoon(now + 31_000)).toBe(true);
  });

  it('hands the person to the start hook (their language) at sign-in and when restored, before saying "signed in"', async () => {
    const storage = memoryStorage();
    const seen: string[] = [];
    const make = () =>
      new Session(transport(), storage, {
        onSessionStart: async (user) => {
          seen.push(`${user.language}:${session?.getSnapshot().status ?? '-'}`);
        },
      });
    let session: Session | undefined = make();
    await session.signIn('a@b.c', 'pw');
    session = make();
    await session.start();
    expect(seen).toEqual(['es:starting', 'es:starting']);
  });

  it('is signed out even when the server cannot be told', async () => {
    const session = new Session(transport({ signOut: vi.fn(async () => Promise.reject(new TypeError('offline'))) }), memoryStorage());
    await session.signIn('a@b.c', 'pw');
    await session.signOut();
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });
});

const nextMessage = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Session across tabs (one browser, two tabs)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('two tabs whose tokens expire refresh once between them: the second takes the first\'s new token', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeWebLocks() });
    const storage = memoryStorage();
    let refreshes = 0;
    const shared = transport({
      refresh: vi.fn(async () => {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 80));
        return grant(`fresh-${refreshes}`);
      }),
    });
    const tabA = new Session(shared, storage);
    const tabB = new Session(shared, storage);
    await tabA.signIn('a@b.c', 'pw');
    await nextMessage();
    expect(tabB.accessToken()).toBe('first');
    const [a, b] = await Promise.all([tabA.refresh('first'), (async () => {
      await nextMessage();
      return tabB.refresh('first');
    })()]);
    expect(a).toBe('fresh-1');
    expect(b).toBe('fresh-1');
    expect(refreshes).toBe(1);
  });

  it('signing out in one tab signs the other out', async () => {
    const storage = memoryStorage();
    const tabA = new Session(transport(), storage);
    const tabB = new Session(transport(), storage);
    await tabA.signIn('a@b.c', 'pw');
    await nextMessage();
    expect(tabB.getSnapshot().status).toBe('signed-in');
    await tabA.signOut();
    await nextMessage();
    expect(tabB.getSnapshot()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(tabB.accessToken()).toBeUndefined();
    expect(storage.getItem('gds.session')).toBeNull();
  });
});
