import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DesignCheckInput, DesignFinding } from './design-check-types';

/** The outcome of one check: findings, or why the page could not be checked (its own doing). */
export type DesignCheckResult = { ok: true; findings: DesignFinding[] } | { ok: false; message: string };

/** The pool itself failed (a thread could not start): not the page's fault, so grading retries. */
export class DesignCheckUnavailableError extends Error {}

interface Task {
  input: DesignCheckInput;
  timeoutMs: number;
  resolve(result: DesignCheckResult): void;
  reject(error: Error): void;
}

const WORKER_FILE = path.join(__dirname, 'design-check.worker');
/** A thread that has not loaded its modules by then is broken (infrastructure, retried). */
const STARTUP_TIMEOUT_MS = 120_000;
/**
 * In the built app the worker is plain JavaScript beside this file; under the tests (TypeScript
 * sources) it is compiled on load by @swc/core, a development dependency only.
 */
const TS_BOOTSTRAP = `
  const fs = require('node:fs');
  const { transformSync } = require('@swc/core');
  require.extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
    module._compile(code, filename);
  };
  require(require('node:worker_threads').workerData.file);
`;

/**
 * Runs design checks (jsdom + axe) in worker threads, never on the event loop that serves HTTP and
 * other jobs: at most DESIGN_CHECK_THREADS at once, each thread with a V8 heap cap
 * (DESIGN_CHECK_MEMORY_MB) and a hard terminate() after DESIGN_CHECK_TIMEOUT_MS. Checks wait in a
 * FIFO queue; the time limit starts when a thread takes the check, so a long queue never fails an
 * honest page. Written here rather than with piscina because piscina's abort signal also counts the
 * time a task waits in its queue, and we need to tell "out of memory" from "too slow" in feedback.
 */
@Injectable()
export class DesignCheckPool implements OnModuleDestroy {
  private readonly logger = new Logger(DesignCheckPool.name);
  private readonly idle: Worker[] = [];
  private readonly ready = new WeakSet<Worker>();
  private readonly queue: Task[] = [];
  private busy = 0;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /** `timeoutMs` overrides DESIGN_CHECK_TIMEOUT_MS for this check (a shorter limit for one caller). */
  check(input: DesignCheckInput, options: { timeoutMs?: number } = {}): Promise<DesignCheckResult> {
    if (this.closed) return Promise.reject(new DesignCheckUnavailableError('The design-check pool is closed.'));
    const timeoutMs = options.timeoutMs ?? this.config.DESIGN_CHECK_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      this.queue.push({ input, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new DesignCheckUnavailableError('The design-check pool is closed.'));
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length && (this.idle.length || this.busy < this.config.DESIGN_CHECK_THREADS)) {
      const task = this.queue.shift()!;
      let worker: Worker;
      try {
        worker = this.idle.pop() ?? this.startWorker();
      } catch (error) {
        task.reject(new DesignCheckUnavailableError(`A design-check thread could not start: ${(error as Error).message}`));
        continue;
      }
      this.busy++;
      if (this.ready.has(worker)) this.run(worker, task);
      else this.whenReady(worker, task);
    }
  }

  /** Waits for a new thread's `ready` before its first check, so loading jsdom is not charged to the page. */
  private whenReady(worker: Worker, task: Task): void {
    const failed = (reason: string) => {
      clearTimeout(timer);
      detach(worker);
      void worker.terminate().catch(() => undefined);
      this.busy--;
      task.reject(new DesignCheckUnavailableError(`A design-check thread did not start: ${reason}`));
      this.dispatch();
    };
    const timer = setTimeout(() => failed(`not ready after ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    worker.once('message', (message: { ready?: boolean }) => {
      if (!message.ready) return failed('unexpected first message');
      clearTimeout(timer);
      detach(worker);
      this.ready.add(worker);
      this.run(worker, task);
    });
    worker.once('error', (error) => failed(error.message));
    worker.once('exit', (code) => failed(`exited (${code})`));
  }

  private startWorker(): Worker {
    const limits = { resourceLimits: { maxOldGenerationSizeMb: this.config.DESIGN_CHECK_MEMORY_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 } };
    if (existsSync(`${WORKER_FILE}.js`)) return new Worker(`${WORKER_FILE}.js`, limits);
    return new Worker(TS_BOOTSTRAP, { ...limits, eval: true, workerData: { file: `${WORKER_FILE}.ts` } });
  }

  /** One check on one thread; the thread goes back to the pool only after a clean answer. */
  private run(worker: Worker, task: Task): void {
    let settled = false;
    const finish = (result: DesignCheckResult | Error, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      detach(worker);
      this.busy--;
      if (reusable && !this.closed) this.idle.push(worker);
      else void worker.terminate().catch(() => undefined);
      if (result instanceof Error) task.reject(result);
      else task.resolve(result);
      this.dispatch();
    };
    const { timeoutMs } = task;
    const timer = setTimeout(() => finish({ ok: false, message: `The page could not be checked within ${timeoutMs / 1000} s; make it smaller or simpler.` }, false), timeoutMs);
    worker.on('message', (message: { findings?: DesignFinding[]; error?: string }) => {
      if (message.findings) finish({ ok: true, findings: message.findings }, true);
      else finish({ ok: false, message: `The page could not be checked (${message.error ?? 'unknown error'}).` }, true);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish({ ok: false, message: `The page needs more than ${this.config.DESIGN_CHECK_MEMORY_MB} MB to check; make it smaller.` }, false);
      } else {
        this.logger.warn({ msg: 'design-check thread failed', error: error.message });
        finish(new DesignCheckUnavailableError(`The design-check thread failed: ${error.message}`), false);
      }
    });
    worker.on('exit', (code) => finish(new DesignCheckUnavailableError(`The design-check thread exited (${code}).`), false));
    worker.postMessage(task.input);
  }
}

/** Removes this pool's listeners only: Worker keeps internal ones (they start its message port). */
function detach(worker: Worker): void {
  for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event);
}
