import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { deleteRedisKeys, waitFor } from '@gds/testing';
import { redisOptionsFromUrl } from '@gds/queue';
import { boundWorkerClose } from '../libs/queue/src/bounded-worker-close';
import { loadConfig } from '../src/config/load-config';

/*
 * boundWorkerClose on a real BullMQ worker (libs/queue/src/bounded-worker-close.ts). BullMQ's close is
 * made to hang where taskforcesh/bullmq#4656 makes it hang: waiting for the blocking connection's
 * `end`, which a connection stuck reconnecting never emits; BullMQ's own disconnect is made to hang
 * likewise on the main connection. The bounded close still answers after its grace, and both of the
 * worker's Redis connections end up closed: dropped through the ioredis clients themselves, which
 * reads BullMQ internals (a BullMQ upgrade that moves them fails here).
 */
const GRACE_MS = 1_000;

describe('queue worker: a bounded close on a real worker', () => {
  const redisUrl = loadConfig({ NODE_ENV: 'test' }).REDIS_URL;
  const prefix = `{t${randomBytes(5).toString('hex')}}`;
  afterAll(() => deleteRedisKeys(redisUrl, prefix));

  it("answers after the grace when BullMQ's close hangs, with both of the worker's connections closed", async () => {
    const worker = new Worker('bounded-close', async () => undefined, { connection: { ...redisOptionsFromUrl(redisUrl), maxRetriesPerRequest: null }, prefix });
    worker.on('error', () => undefined);
    await worker.waitUntilReady();
    await waitFor(() => worker.isRunning(), { what: 'the worker fetching jobs', timeoutMs: 30_000 });
    const backend = worker.getBackend();
    const clients = [await backend.client, await backend.blockingClient] as unknown as Array<{ status: string }>;
    expect(clients.map((client) => client.status)).toEqual(['ready', 'ready']);

    // The hang: BullMQ's close awaits the blocking connection's `end` (whenCurrentJobsFinished).
    let release: () => void = () => undefined;
    jest.spyOn(backend, 'disconnectBlocking').mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
    // And BullMQ's own drop (Worker.disconnect) would hang the same way on the main connection, before
    // it reaches the blocking one: the bound must not go through it.
    const mainDisconnect = jest.spyOn(backend.connection, 'disconnect').mockImplementation(() => new Promise<void>(() => undefined));
    const originalClose = worker.close.bind(worker);
    let originalClosing: Promise<void> | undefined;
    worker.close = (force?: boolean) => (originalClosing = originalClose(force));
    const overruns: number[] = [];
    boundWorkerClose(worker, GRACE_MS, () => overruns.push(1));

    let deadline: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      worker.close().then(() => 'closed'),
      new Promise<string>((resolve) => (deadline = setTimeout(() => resolve('still closing after 60 s'), 60_000))),
    ]);
    clearTimeout(deadline);
    expect(outcome).toBe('closed');
    expect(overruns).toHaveLength(1);
    // ioredis ends a dropped client once its socket has closed.
    await waitFor(() => clients.every((client) => client.status === 'end'), { what: "the worker's clients ending", timeoutMs: 10_000 });

    // Let BullMQ's own close run to its end (its timers stop), on connections that are already closed.
    mainDisconnect.mockRestore();
    release();
    await originalClosing;
    expect(clients.map((client) => client.status)).toEqual(['end', 'end']);
  });
});
