import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { checkDesignInThisThread, DesignCheckInput, designLibraries } from './design-checks';

/**
 * A design-check worker thread (started by DesignCheckPool): checks one page at a time. Anything the
 * page makes the check throw (a stack overflow, a parser error) is answered as an error message;
 * the pool turns it into feedback.
 */
// Lowest CPU priority for this thread only (on Linux the nice value of `who = 0` is the calling
// thread's): checks use what the event loop, Postgres and Redis leave, never the other way round.
try {
  setPriority(19);
} catch {
  // Not permitted or not supported here: the thread keeps the process's priority.
}
// Loading jsdom and axe takes a while on a busy machine: the pool starts a check's clock only after this.
designLibraries();
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (input: DesignCheckInput) => {
  checkDesignInThisThread(input).then(
    (findings) => parentPort?.postMessage({ findings }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error' }),
  );
});
