import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { freePort, NodeProcess, waitForHttpOk } from './child-process';

export const BENCH_ADMIN = { email: 'bench-admin@gds.test', password: 'bench-admin-password-1' };

export interface AppProcessOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** Defaults to a fresh random prefix, so the run never shares queues with anything. */
  queuePrefix?: string;
  env?: Record<string, string>;
}

/** One certificate signing key per harness run (production refuses to start without one), shared by api and worker. */
let signingKeys: string | undefined;
function benchSigningKeys(): string {
  if (!signingKeys) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    signingKeys = JSON.stringify([{ ...privateKey.export({ format: 'jwk' }), kid: 'gds-bench', alg: 'RS256', use: 'sig' }]);
  }
  return signingKeys;
}

/** The Dockerfile's NODE_OPTIONS, so the benches measure what production runs (test/compose-file.e2e-spec.ts). */
export const DOCKERFILE_NODE_OPTIONS = '--max-semi-space-size=8 --max-old-space-size=512';

/** The environment the built app gets: its own database and queue prefix, quiet logs, a known admin. */
export function appEnvironment(options: AppProcessOptions): Record<string, string> {
  const appNodeOptions = process.env.BENCH_APP_NODE_OPTIONS ?? DOCKERFILE_NODE_OPTIONS;
  return {
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-jwt-secret-0123456789-0123456789-abcdef',
    FLAG_SECRET: 'bench-flag-secret-0123456789-0123456789-abcdef',
    // Production refuses development secrets; these are the bench's own (never used anywhere else).
    SANDBOX_ROLE_SECRET: 'bench-sandbox-role-secret-0123456789-0123456789',
    WEBHOOK_SECRET_KEY: 'bench-webhook-secret-key-0123456789-0123456789',
    CERT_SIGNING_KEYS: benchSigningKeys(),
    // Production signs this into credentials and refuses anything but a public https URL; nothing fetches it here.
    PUBLIC_BASE_URL: 'https://bench.gds-academy.example',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: options.queuePrefix ?? `{b${randomBytes(5).toString('hex')}}`,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000000',
    // glibc's malloc arenas, as the Dockerfile sets them (BENCH_MALLOC_ARENA_MAX to try another value).
    MALLOC_ARENA_MAX: process.env.BENCH_MALLOC_ARENA_MAX ?? '2',
    // Node flags for the app processes only: the Dockerfile's by default (BENCH_APP_NODE_OPTIONS='' for none).
    ...(appNodeOptions ? { NODE_OPTIONS: appNodeOptions } : {}),
    // BENCH_APP_ENV_<NAME>=value sets the app's <NAME> (e.g. BENCH_APP_ENV_WORKER_PROGRESS_CONCURRENCY=4), to try a setting.
    ...Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('BENCH_APP_ENV_') && v !== undefined).map(([k, v]) => [k.slice('BENCH_APP_ENV_'.length), v as string])),
    ...options.env,
  };
}

/** The built app (`node dist/src/main.js <role>`) as a child process. */
export class AppProcess extends NodeProcess {
  constructor(
    readonly role: 'api' | 'worker' | 'all',
    readonly port: number,
    env: Record<string, string>,
  ) {
    super({ script: 'dist/src/main.js', args: [role], nodeArgs: benchAppNodeArgs(), env: { ...env, PORT: String(port) }, name: `app (${role})` });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async create(role: 'api' | 'worker' | 'all', env: Record<string, string>): Promise<AppProcess> {
    return new AppProcess(role, await freePort(), env);
  }

  /** Starts and waits until ready: /health/ready for HTTP roles; the heartbeat file for a worker. */
  async startAndWait(timeoutMs = 300_000): Promise<void> {
    this.start();
    await this.waitReady(timeoutMs);
  }

  async waitReady(timeoutMs = 300_000): Promise<void> {
    if (this.role !== 'worker') return waitForHttpOk(`${this.url}/health/ready`, this, timeoutMs);
    const heartbeat = this.options.env.WORKER_HEARTBEAT_FILE;
    if (!heartbeat) return;
    const { statSync } = await import('node:fs');
    const startedAt = Date.now();
    const deadline = startedAt + timeoutMs;
    for (;;) {
      try {
        if (statSync(heartbeat).mtimeMs >= startedAt - 1000) return;
      } catch {
        // not written yet
      }
      if (!this.running) throw new Error(`worker exited before its first heartbeat:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`worker wrote no heartbeat within ${timeoutMs} ms:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** BENCH_APP_NODE_ARGS: node flags for the app processes that NODE_OPTIONS refuses, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
function benchAppNodeArgs(): string[] {
  return (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
}
