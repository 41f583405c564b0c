import { parentPort } from 'node:worker_threads';
import { checkDesignInThisThread, DesignCheckInput } from './design-checks';

/**
 * A design-check worker thread (started by DesignCheckPool): checks one page at a time. Anything the
 * page makes the check throw (a stack overflow, a parser error) is answered as an error message;
 * the pool turns it into feedback.
 */
// Loading jsdom and axe takes a while on a busy machine: the pool starts a check's clock only after this.
parentPort?.postMessage({ ready: true });
parentPort?.on('message', (input: DesignCheckInput) => {
  checkDesignInThisThread(input).then(
    (findings) => parentPort?.postMessage({ findings }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error' }),
  );
});
