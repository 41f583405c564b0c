import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestDatabase } from '@gds/testing';
import { AppProcess, appEnvironment } from '../../bench/harness/app-processes';
import { REPO_ROOT } from '../../bench/harness/child-process';
import { ADMIN } from './test-app';

export { AppProcess } from '../../bench/harness/app-processes';

export interface ChildAppOptions {
  role: 'api' | 'worker' | 'all';
  /** The test's database (usually `t.database` of a startTestApp in the same test). */
  database: TestDatabase;
  /** Share the queue prefix of the in-process app (`t.config.QUEUE_PREFIX`) so both see the same queues. */
  queuePrefix: string;
  redisUrl?: string;
  env?: Record<string, string>;
}

/**
 * The BUILT app (dist/src/main.js) as a child process of the test, so that it can be killed with
 * SIGKILL mid-work and started again — what an in-process app cannot do. Needs `npm run build`
 * first (CI builds before testing). Worker processes get a heartbeat file (1 s) to tell when they
 * are up. Usage (e.g. the assessment module's "worker killed mid-grading" test):
 *
 *   const t = await startTestApp({ role: 'api' });            // HTTP in-process
 *   const worker = await startChildApp({ role: 'worker', database: t.database, queuePrefix: t.config.QUEUE_PREFIX });
 *   ... submit work through t.api ...
 *   await waitFor(() => someGradingStarted(), ...); await worker.kill();   // SIGKILL
 *   await worker.startAndWait();                                          // same arguments again
 *   ... waitFor every submission graded exactly once ...
 *   await worker.stop();                                                  // in afterAll
 */
export async function startChildApp(options: ChildAppOptions): Promise<AppProcess> {
  if (!existsSync(path.join(REPO_ROOT, 'dist/src/main.js'))) throw new Error('dist/src/main.js is missing: run `npm run build` before this test');
  const heartbeat = path.join(mkdtempSync(path.join(tmpdir(), 'gds-child-')), 'heartbeat');
  const env = appEnvironment({
    databaseUrl: options.database.url,
    redisUrl: options.redisUrl,
    queuePrefix: options.queuePrefix,
    env: {
      NODE_ENV: 'test',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MIGRATIONS_RUN_ON_START: 'false',
      DATABASE_AUTO_CREATE: 'false',
      OUTBOX_POLL_INTERVAL_MS: '50',
      // Argon2id at test cost: suites make and sign in thousands of accounts (NODE_ENV=test only).
      PASSWORD_HASH_COST: 'test-only-fast',
      WORKER_HEARTBEAT_FILE: heartbeat,
      WORKER_HEARTBEAT_INTERVAL_MS: '1000',
      ...options.env,
    },
  });
  // Same secrets as startTestApp (the development defaults), so tokens from the in-process app work here.
  delete env.JWT_SECRET;
  delete env.FLAG_SECRET;
  delete env.SANDBOX_ROLE_SECRET;
  delete env.WEBHOOK_SECRET_KEY;
  delete env.CERT_SIGNING_KEYS;
  const app = await AppProcess.create(options.role, env);
  await app.startAndWait();
  return app;
}

/** Milliseconds since the worker last touched its heartbeat file (Infinity when never). */
export function heartbeatAge(app: AppProcess): number {
  try {
    return Date.now() - statSync(app.options.env.WORKER_HEARTBEAT_FILE).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
