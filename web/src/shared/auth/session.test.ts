import { describe, expect, it, vi } from 'vitest';
import { Session } from './session';
import type { AccessGrant, SessionTransport } from './session-transport';

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

const grant = (token: string, ttlMs = 900_000): AccessGrant => ({ accessToken: token, expiresAt: Date.now() + ttlMs });

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

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    const session = new Session(transport({ refresh: vi.fn(async () => Promise.reject(new TypeError('offline'))) }), memoryStorage());
    await session.signIn('a@b.c', 'pw');
    await expect(session.refresh('first')).rejects.toThrow('offline');
    expect(session.getSnapshot().status).toBe('signed-in');
  });
});
