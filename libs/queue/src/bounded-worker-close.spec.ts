import { boundWorkerClose, ClosableWorker, droppableClientsOf } from './bounded-worker-close';

/** An ioredis client as the drop sees it: counts its disconnects. */
function fakeClient(): { disconnect(): void; disconnects: number } {
  const client = {
    disconnects: 0,
    disconnect: () => {
      client.disconnects++;
    },
  };
  return client;
}

/** A worker whose backend has BullMQ 6's shape: a main and a blocking RedisConnection, each with its client in `_client`. */
function fakeWorker(
  close: () => Promise<void>,
  backend: unknown = { connection: { _client: fakeClient(), extraOptions: { shared: false } }, blockingConnection: { _client: fakeClient(), extraOptions: { shared: false } } },
): ClosableWorker & { closeCalls: number; disconnects: number } {
  const worker = {
    closeCalls: 0,
    disconnects: 0,
    close: async () => {
      worker.closeCalls++;
      return close();
    },
    // BullMQ's own disconnect: it may wait for ever (it awaits the main connection first), so the bound must not rely on it.
    disconnect: () => {
      worker.disconnects++;
      return new Promise<void>(() => undefined);
    },
    getBackend: () => backend,
  };
  return worker;
}

const clientsOf = (worker: { getBackend(): unknown }) => {
  const backend = worker.getBackend() as { connection: { _client: { disconnects: number } }; blockingConnection: { _client: { disconnects: number } } };
  return { main: backend.connection._client, blocking: backend.blockingConnection._client };
};

describe('boundWorkerClose', () => {
  afterEach(() => jest.useRealTimers());

  it('answers once the grace has passed when the close never does, and drops the connections', async () => {
    jest.useFakeTimers();
    const worker = fakeWorker(() => new Promise<void>(() => undefined));
    const overruns: number[] = [];
    boundWorkerClose(worker, 1_000, () => overruns.push(1));
    let closed = false;
    void worker.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
    expect(overruns).toHaveLength(1);
    // Both clients dropped at once, directly: not through BullMQ's disconnect, which awaits the main connection first.
    expect(clientsOf(worker).main.disconnects).toBe(1);
    expect(clientsOf(worker).blocking.disconnects).toBe(1);
    expect(worker.disconnects).toBe(0);
  });

  it('lets a running job finish: the grace starts only once no job is active', async () => {
    jest.useFakeTimers();
    const worker = fakeWorker(() => new Promise<void>(() => undefined));
    const overruns: number[] = [];
    let active = 1;
    boundWorkerClose(worker, 1_000, () => overruns.push(1), () => active);
    let closed = false;
    void worker.close().then(() => (closed = true));
    // A job of a minute: nothing is dropped while it runs.
    await jest.advanceTimersByTimeAsync(60_000);
    expect(closed).toBe(false);
    expect(clientsOf(worker).main.disconnects).toBe(0);
    active = 0;
    await jest.advanceTimersByTimeAsync(999);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(200);
    expect(closed).toBe(true);
    expect(overruns).toHaveLength(1);
    expect(clientsOf(worker).main.disconnects).toBe(1);
  });

  it("drops the blocking client even when dropping the main one throws, and leaves a client the caller shares alone", async () => {
    jest.useFakeTimers();
    const blocking = fakeClient();
    const shared = fakeClient();
    const worker = fakeWorker(() => new Promise<void>(() => undefined), {
      connection: { _client: { disconnect: () => { throw new Error('already closed'); } } },
      blockingConnection: { _client: blocking },
    });
    boundWorkerClose(worker, 1_000, () => undefined);
    const closed = worker.close();
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(closed).resolves.toBeUndefined();
    expect(blocking.disconnects).toBe(1);
    expect(droppableClientsOf({ connection: { _client: shared, extraOptions: { shared: true } } })).toEqual([]);
  });

  it("falls back to BullMQ's own disconnect, unawaited, when the backend is not the shape it knows", async () => {
    jest.useFakeTimers();
    const worker = fakeWorker(() => new Promise<void>(() => undefined), {});
    boundWorkerClose(worker, 1_000, () => undefined);
    let closed = false;
    void worker.close().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(closed).toBe(true);
    expect(worker.disconnects).toBe(1);
  });

  it('answers with the close when it finishes in time, without dropping anything, and later calls share it', async () => {
    jest.useFakeTimers();
    let finish!: () => void;
    const worker = fakeWorker(() => new Promise<void>((resolve) => (finish = resolve)));
    const overruns: number[] = [];
    boundWorkerClose(worker, 1_000, () => overruns.push(1));
    const first = worker.close();
    const second = worker.close(true);
    expect(second).toBe(first);
    finish();
    await first;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(overruns).toEqual([]);
    expect(worker.disconnects).toBe(0);
    expect(clientsOf(worker).main.disconnects).toBe(0);
    expect(clientsOf(worker).blocking.disconnects).toBe(0);
    expect(worker.closeCalls).toBe(1);
  });

  it('passes on a failed close', async () => {
    const worker = fakeWorker(() => Promise.reject(new Error('boom')));
    boundWorkerClose(worker, 1_000, () => undefined);
    await expect(worker.close()).rejects.toThrow('boom');
  });
});
