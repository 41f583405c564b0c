import { ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { recordSpawned } from '@gds/testing';
import { freePort } from '../../bench/harness/child-process';

/**
 * A redis-server of a test's own on a free port, so fault tests can stop and start it without
 * touching the shared Redis that other test files use.
 */
export class OwnRedisServer {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedisServer> {
    const server = new OwnRedisServer(await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.process && this.process.exitCode === null && this.process.signalCode === null;
  }

  /**
   * Starts the server again after `stop()`; a no-op while it runs. (Starting a second one on the
   * same port used to leave the first running: the second exits at once, "address in use", and
   * `stop()` then saw only the exited one — two redis-servers outlived every full run.)
   */
  async resume(): Promise<void> {
    if (this.running) return;
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    recordSpawned(this.process.pid, `redis-server :${this.port}`);
    const spawned = this.process;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await client.connect();
        await client.ping();
        return;
      } catch {
        if (spawned.exitCode !== null) throw new Error(`redis-server on ${this.port} exited at start (code ${spawned.exitCode})`);
        if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        client.disconnect();
      }
    }
  }

  /** Stops the server abruptly (SIGKILL): the data is gone, as in a crash without persistence. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running || !this.running) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }
}
