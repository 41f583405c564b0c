/** What of a BullMQ Worker shutdown touches (an interface, so the bound is tested without Redis). */
export interface ClosableWorker {
  close(force?: boolean): Promise<void>;
  disconnect(): Promise<void>;
}

/** How long a worker's close may take before its connections are dropped. */
export const WORKER_CLOSE_GRACE_MS = 15_000;

/**
 * Bounds the worker's `close()`: BullMQ's close waits for an `end` event of each Redis connection,
 * and a connection left in ioredis' "reconnecting" state after an outage never emits it
 * (taskforcesh/bullmq#4656, open), so a shutdown could wait forever (a CI run's app close hung
 * 10 minutes after a Redis restart). After `graceMs` the connections are dropped, `onOverrun` is
 * told, and the close answers: jobs still active come back as stalled and run again, as after a
 * crash. Every later call answers the same bounded promise (Nest's explorer calls close too).
 */
export function boundWorkerClose(worker: ClosableWorker, graceMs: number, onOverrun: () => void): void {
  const close = worker.close.bind(worker);
  let closing: Promise<void> | undefined;
  worker.close = (force?: boolean) => {
    closing ??= new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        onOverrun();
        worker.disconnect().catch(() => undefined);
        resolve();
      }, graceMs);
      timer.unref();
      close(force).then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    return closing;
  };
}
