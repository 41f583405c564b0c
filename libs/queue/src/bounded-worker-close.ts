/** What of a BullMQ Worker shutdown touches (an interface, so the bound is tested without Redis). */
export interface ClosableWorker {
  close(force?: boolean): Promise<void>;
  /** BullMQ's own drop: the fallback when the worker's Redis clients cannot be reached (`droppableClientsOf`). */
  disconnect(): Promise<void>;
  /** BullMQ's backend (RedisQueueBackend), read only by `droppableClientsOf`. */
  getBackend(): unknown;
}

/** An ioredis client as far as dropping it goes: `disconnect()` is synchronous and waits for nothing. */
export interface DroppableClient {
  disconnect(): void;
}

/**
 * What `droppableClientsOf` reads of a BullMQ 6 RedisQueueBackend: its connection and its worker's
 * blocking connection (RedisConnection), each holding its ioredis client in `_client` (protected in
 * BullMQ's types, so read through this shape) and `extraOptions.shared` for a client the caller owns.
 */
interface RedisBackendShape {
  connection?: RedisConnectionShape;
  blockingConnection?: RedisConnectionShape;
}
interface RedisConnectionShape {
  _client?: Partial<DroppableClient>;
  extraOptions?: { shared?: boolean };
}

/** How long a worker's close may take before its connections are dropped. */
export const WORKER_CLOSE_GRACE_MS = 15_000;

/** How often a closing worker's active jobs are looked at, before the grace starts. */
const ACTIVE_JOBS_POLL_MS = 100;

/**
 * Bounds the worker's `close()`: BullMQ's close waits for an `end` event of each Redis connection,
 * and a connection left in ioredis' "reconnecting" state after an outage never emits it
 * (taskforcesh/bullmq#4656, open), so a shutdown could wait forever (a CI run's app close hung
 * 10 minutes after a Redis restart). The grace starts once no job runs (`activeJobs`): a long job
 * still finishes, as BullMQ's close lets it, instead of being cut off and counted as stalled. After
 * `graceMs` the connections are dropped, `onOverrun` is told, and the close answers. Every later
 * call answers the same bounded promise (Nest's explorer calls close too).
 */
export function boundWorkerClose(worker: ClosableWorker, graceMs: number, onOverrun: () => void, activeJobs: () => number = () => 0): void {
  const close = worker.close.bind(worker);
  let closing: Promise<void> | undefined;
  worker.close = (force?: boolean) => {
    closing ??= new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const overrun = () => {
        if (settled) return;
        settled = true;
        onOverrun();
        dropConnections(worker);
        resolve();
      };
      const startGraceWhenIdle = () => {
        if (settled) return;
        timer = activeJobs() > 0 ? setTimeout(startGraceWhenIdle, ACTIVE_JOBS_POLL_MS) : setTimeout(overrun, graceMs);
        timer.unref();
      };
      startGraceWhenIdle();
      close(force).then(
        () => {
          settled = true;
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          settled = true;
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    return closing;
  };
}

/**
 * Drops the worker's Redis clients at once, awaiting nothing. BullMQ's own `disconnect()` is no
 * good here: it first awaits the main connection's client promise (pending for ever if the client
 * never became ready) and then its `end` event (never emitted by a client stuck reconnecting), and
 * only then drops the blocking connection; and it does nothing for a connection it does not own.
 * ioredis' `disconnect()` cancels a pending reconnect and destroys the socket synchronously.
 */
function dropConnections(worker: ClosableWorker): void {
  const clients = droppableClientsOf(worker.getBackend());
  if (clients.length === 0) {
    // Not the backend this was written against (BullMQ's internals moved): BullMQ's own drop, not awaited.
    worker.disconnect().catch(() => undefined);
    return;
  }
  for (const client of clients) {
    try {
      client.disconnect();
    } catch {
      // Already closed: nothing left to drop.
    }
  }
}

/** The worker's own ioredis clients (main, then blocking); a client shared with the caller is left alone. */
export function droppableClientsOf(backend: unknown): DroppableClient[] {
  const { connection, blockingConnection } = (backend ?? {}) as RedisBackendShape;
  const clients: DroppableClient[] = [];
  for (const owned of [connection, blockingConnection]) {
    const client = owned?._client;
    if (owned?.extraOptions?.shared || typeof client?.disconnect !== 'function') continue;
    clients.push(client as DroppableClient);
  }
  return clients;
}
