/* Test support only (imported by *.test.ts files, never by the app). */

/** A Web Locks stand-in: exclusive locks by name, granted in request order (as browsers do), `ifAvailable` too. */
export function fakeWebLocks() {
  const queues = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    request(name: string, options: { ifAvailable?: boolean }, work: (lock: object | null) => Promise<unknown>) {
      if (options.ifAvailable && held.has(name)) return Promise.resolve(work(null));
      const grantLock = async () => {
        held.add(name);
        try {
          return await work({ name });
        } finally {
          held.delete(name);
        }
      };
      const run = (queues.get(name) ?? Promise.resolve()).then(grantLock, grantLock);
      queues.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

