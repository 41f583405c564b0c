import { AccessStandingCache } from './access-standing-cache';

describe('AccessStandingCache', () => {
  let now = 1_000_000;
  const clock = () => now;
  const user = '4f9c2d1e-0000-4000-8000-000000000001';
  const other = '4f9c2d1e-0000-4000-8000-000000000002';
  const session = '4f9c2d1e-0000-4000-8000-0000000000aa';

  function liveCache(maxAgeMs = 30_000): AccessStandingCache {
    const cache = new AccessStandingCache(maxAgeMs, clock);
    cache.live(true);
    return cache;
  }

  it('misses, then answers what was stored, per (user, session)', () => {
    const cache = liveCache();
    expect(cache.get(user, session)).toBeUndefined();
    cache.store(user, session, ['trainee'], cache.generation());
    cache.store(user, undefined, 'inactive', cache.generation());
    expect(cache.get(user, session)).toEqual(['trainee']);
    expect(cache.get(user, undefined)).toBe('inactive');
    expect(cache.get(other, session)).toBeUndefined();
  });

  it('stops answering an entry at its maximum age', () => {
    const cache = liveCache(30_000);
    cache.store(user, session, ['trainee'], cache.generation());
    now += 29_999;
    expect(cache.get(user, session)).toEqual(['trainee']);
    now += 1;
    expect(cache.get(user, session)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every session of a user, and only that user', () => {
    const cache = liveCache();
    cache.store(user, session, ['trainee'], cache.generation());
    cache.store(user, undefined, ['trainee'], cache.generation());
    cache.store(other, session, ['admin'], cache.generation());
    cache.forget(user);
    expect(cache.get(user, session)).toBeUndefined();
    expect(cache.get(user, undefined)).toBeUndefined();
    expect(cache.get(other, session)).toEqual(['admin']);
  });

  it('does not store a lookup that began before a forget (its answer may be the old standing)', () => {
    const cache = liveCache();
    const generation = cache.generation();
    cache.forget(user);
    cache.store(user, session, ['admin'], generation);
    expect(cache.get(user, session)).toBeUndefined();
    cache.store(user, session, ['trainee'], cache.generation());
    expect(cache.get(user, session)).toEqual(['trainee']);
  });

  it('is bypassed while the listener is down: nothing answered, nothing stored', () => {
    const cache = new AccessStandingCache(30_000, clock);
    cache.store(user, session, ['trainee'], cache.generation());
    expect(cache.get(user, session)).toBeUndefined();
    cache.live(true);
    cache.store(user, session, ['trainee'], cache.generation());
    expect(cache.get(user, session)).toEqual(['trainee']);
    cache.live(false);
    expect(cache.get(user, session)).toBeUndefined();
    cache.store(user, session, ['trainee'], cache.generation());
    expect(cache.size).toBe(0);
  });

  it('is cleared when the listener is back, and a lookup begun before does not store', () => {
    const cache = liveCache();
    cache.store(user, session, ['trainee'], cache.generation());
    cache.live(false);
    const during = cache.generation();
    cache.live(true);
    expect(cache.get(user, session)).toBeUndefined();
    cache.store(user, session, ['admin'], during);
    expect(cache.get(user, session)).toBeUndefined();
  });

  it('0 seconds turns it off, live or not', () => {
    const cache = new AccessStandingCache(0, clock);
    cache.live(true);
    expect(cache.enabled).toBe(false);
    cache.store(user, session, ['trainee'], cache.generation());
    expect(cache.get(user, session)).toBeUndefined();
  });

  it('shares a frozen copy of the roles', () => {
    const cache = liveCache();
    const roles: Array<'trainee'> = ['trainee'];
    cache.store(user, session, roles, cache.generation());
    roles.push('trainee');
    expect(cache.get(user, session)).toEqual(['trainee']);
    expect(Object.isFrozen(cache.get(user, session))).toBe(true);
  });

  it('keys users by the lower-case id: an upper-case forget (a URL) still forgets', () => {
    const cache = liveCache();
    cache.store(user, session, ['trainee'], cache.generation());
    expect(cache.get(user.toUpperCase(), session)).toEqual(['trainee']);
    cache.forget(user.toUpperCase());
    expect(cache.get(user, session)).toBeUndefined();
    cache.store(user.toUpperCase(), session, ['admin'], cache.generation());
    expect(cache.get(user, session)).toEqual(['admin']);
  });

  it('ages entries by the monotonic clock by default: a wall-clock step forward does not extend them', () => {
    let monotonic = 500;
    const perf = jest.spyOn(performance, 'now').mockImplementation(() => monotonic);
    const wall = jest.spyOn(Date, 'now').mockImplementation(() => 0);
    try {
      const cache = new AccessStandingCache(30_000);
      cache.live(true);
      cache.store(user, session, ['trainee'], cache.generation());
      wall.mockImplementation(() => -1_000_000_000); // the wall clock stepped back: would extend a Date.now() entry
      monotonic += 30_000;
      expect(cache.get(user, session)).toBeUndefined();
    } finally {
      perf.mockRestore();
      wall.mockRestore();
    }
  });
});
