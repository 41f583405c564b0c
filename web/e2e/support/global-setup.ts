import { createRequire } from 'node:module';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { startMailSink } from './mail-sink.ts';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(import.meta.dirname, '../../..');

interface AppProcessLike {
  url: string;
  port: number;
  startAndWait(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  tail(lines?: number): string;
}

export const E2E_ADMIN = { email: 'e2e-admin@gds.test', password: 'e2e-admin-password-1' };

/**
 * Starts the BUILT app (dist/ and web/dist/, as `npm start` serves them) as a child process on a
 * free port, on a database and queue prefix of its own, migrated at start, and drops them after.
 * Tests read the address from GDS_E2E_URL. `npm test` builds both before it runs.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const file of ['dist/src/main.js', 'web/dist/index.html']) {
    if (!existsSync(path.join(repoRoot, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const { AppProcess, appEnvironment } = require(path.join(repoRoot, 'dist/bench/harness/app-processes.js'));
  const { freePort } = require(path.join(repoRoot, 'dist/bench/harness/child-process.js'));
  const suffix = randomBytes(5).toString('hex');
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `gds_test_web_${suffix}`;
  const urlOf = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  // The browser session routes answer only pages of PUBLIC_BASE_URL's origin: the tests' own.
  const port: number = await freePort();
  const origin = `http://localhost:${port}`;
  const mailbox = path.join(tmpdir(), `gds-web-e2e-mail-${suffix}.jsonl`);
  const mailSink = await startMailSink(mailbox);
  let app: AppProcessLike | undefined;
  let databaseCreated = false;
  /** Everything this setup made, whichever of it exists: the teardown, and a start that failed half-way. */
  const cleanUp = async () => {
    await app?.stop();
    await mailSink.close();
    rmSync(mailbox, { force: true });
    if (!databaseCreated) return;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  try {
    const env = appEnvironment({
      databaseUrl: urlOf(database),
      queuePrefix: `{tweb${suffix}}`,
      env: {
        NODE_ENV: 'test',
        ADMIN_EMAIL: E2E_ADMIN.email,
        ADMIN_PASSWORD: E2E_ADMIN.password,
        PUBLIC_BASE_URL: origin,
        SMTP_URL: mailSink.url,
        OUTBOX_POLL_INTERVAL_MS: '50',
        // Argon2id at test cost: suites make and sign in thousands of accounts (NODE_ENV=test only).
        PASSWORD_HASH_COST: 'test-only-fast',
        // The operations journey's webhook receiver listens on loopback.
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WORKER_CONCURRENCY: '4',
        DATABASE_POOL_SIZE: '10',
      },
    });
    // The development secrets, as the server's own child-process tests use: sandbox role passwords are
    // derived from SANDBOX_ROLE_SECRET and the roles are shared by the cluster, so every test must agree on it.
    for (const secret of ['JWT_SECRET', 'FLAG_SECRET', 'SANDBOX_ROLE_SECRET', 'WEBHOOK_SECRET_KEY', 'CERT_SIGNING_KEYS']) delete env[secret];
    // Made here rather than by the app at start, so that every session the app opens commits without
    // waiting for the WAL flush (~9 ms a commit on the CI machine's disk against ~1.5 ms). Visibility is
    // unchanged; only a crash of the shared server could lose the last commits, and no journey crashes it.
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
      databaseCreated = true;
      await admin.query(`ALTER DATABASE "${database}" SET synchronous_commit = off`);
    } finally {
      await admin.end();
    }
    app = new AppProcess('all', port, env) as AppProcessLike;
    await app.startAndWait(180_000);
  } catch (error) {
    // A start that failed (the app never became ready, the database could not be made) leaves no
    // database, mail sink or child process behind; the error is the run's.
    await cleanUp().catch((cleanupError: unknown) => console.error('web e2e setup: cleaning up after a failed start failed', cleanupError));
    throw error;
  }
  process.env.GDS_E2E_URL = origin;
  process.env.GDS_E2E_ADMIN = JSON.stringify(E2E_ADMIN);
  process.env.GDS_E2E_MAILBOX = mailbox;

  return cleanUp;
}
