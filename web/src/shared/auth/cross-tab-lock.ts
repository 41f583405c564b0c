/**
 * Runs `work` while holding a Web Lock of this name, so one tab of the origin at a time does it.
 * Where the Web Locks API is missing (old browsers, tests) it runs at once: each tab still
 * refreshes at most once at a time, and the rare race costs a sign-in, never a wrong session.
 */
export function withCrossTabLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks?.request) return work();
  return locks.request(name, { mode: 'exclusive' }, work) as Promise<T>;
}
