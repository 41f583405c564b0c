import { boundWorkerClose, ClosableWorker } from './bounded-worker-close';

function fakeWorker(close: () => Promise<void>): ClosableWorker & { closeCalls: number; disconnects: number } {
  const worker = {
    closeCalls: 0,
    disconnects: 0,
    close: async () => {
      worker.closeCalls++;
      return close();
    },
    disconnect: async () => {
      worker.disconnects++;
    },
  };
  return worker;
}

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
    expect(worker.closeCalls).toBe(1);
  });

  it('passes on a failed close', async () => {
    const worker = fakeWorker(() => Promise.reject(new Error('boom')));
    boundWorkerClose(worker, 1_000, () => undefined);
    await expect(worker.close()).rejects.toThrow('boom');
  });
});
