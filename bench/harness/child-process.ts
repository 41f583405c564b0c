import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { recordSpawned, TEST_RUN_DIR_VARIABLE } from '../../libs/testing/src/spawned-processes';

/** The repository root, whether running from bench/ (ts-jest) or dist/bench/ (compiled). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface NodeProcessOptions {
  /** Path of a compiled script relative to the repository root, e.g. dist/src/main.js. */
  script: string;
  args?: string[];
  /** Flags for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  env: Record<string, string>;
  /** Name used in log lines and errors. */
  name: string;
}

/**
 * A Node script run as a child process that can be stopped politely (SIGTERM), killed (SIGKILL)
 * and started again with the same arguments: the building block of benchmarks and fault tests.
 */
export class NodeProcess {
  private child: ChildProcess | undefined;
  private output: string[] = [];
  private outputListeners: Array<(chunk: string) => void> = [];
  exits = 0;

  constructor(readonly options: NodeProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process printed (stdout and stderr), for failure messages. */
  tail(lines = 30): string {
    return this.output.slice(-lines).join('');
  }

  /** Hears every chunk the process prints from now on (stdout and stderr), e.g. to parse --trace-gc-nvp lines. */
  onOutput(listener: (chunk: string) => void): void {
    this.outputListeners.push(listener);
  }

  start(): void {
    if (this.running) throw new Error(`${this.options.name} is already running`);
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), path.join(REPO_ROOT, this.options.script), ...(this.options.args ?? [])], {
      cwd: REPO_ROOT,
      // Under jest, the run directory goes along, so the run's teardown finds the child even unrecorded.
      env: { PATH: process.env.PATH ?? '', ...(process.env[TEST_RUN_DIR_VARIABLE] ? { [TEST_RUN_DIR_VARIABLE]: process.env[TEST_RUN_DIR_VARIABLE] } : {}), ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    recordSpawned(child.pid, this.options.name);
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const listener of this.outputListeners) listener(text);
      this.output.push(text);
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', () => this.exits++);
    this.child = child;
  }

  /** Sends a signal and waits for the exit; SIGKILL follows when a polite stop takes too long. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.stop(signal);
    this.start();
  }
}

/** Polls a URL until it answers 200 (or the process died, or time is up). */
export async function waitForHttpOk(url: string, owner: NodeProcess, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (!owner.running) throw new Error(`${owner.options.name} exited before ${url} answered:\n${owner.tail()}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${owner.tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
