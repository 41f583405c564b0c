const BUSY = Symbol('busy');

/**
 * Runs `work` while holding a Web Lock of this name, so one tab of the origin at a time does it.
 * `work` learns whether it had to wait for another tab (which then has likely just done the same
 * work and told the others). Where the Web Locks API is missing (old browsers, tests) it runs at
 * once: each tab still refreshes at most once at a time, and the rare race costs a sign-in, never
 * a wrong session.
 */
export async function withCrossTabLock<T>(name: string, work: (waited: boolean) => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks?.request) return work(false);
  const atOnce = await locks.request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => (lock ? work(false) : BUSY));
  if (atOnce !== BUSY) return atOnce as T;
  return locks.request(name, { mode: 'exclusive' }, () => work(true)) as Promise<T>;
}
