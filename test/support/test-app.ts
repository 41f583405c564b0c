import { randomBytes } from 'node:crypto';
import { Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ClsService } from 'nestjs-cls';
import { AppTransactionHost, buildDataSourceOptions } from '@gds/database';
import { JOB_CATALOG, JobName, JobPayloads, Outbox, OUTBOX_CHANNEL, PublishOptions } from '@gds/queue';
import { createTestDatabase, deleteRedisKeys, HttpClient, TestDatabase } from '@gds/testing';
import { AppConfig, ProcessRole } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { AppModule } from '../../src/app.module';
import { ENTITIES } from '../../src/entities';
import { MIGRATIONS } from '../../migrations';
import { configureApp, createFastifyAdapter } from '../../src/platform/http-app';

export const ADMIN = { email: 'admin@gds.test', password: 'test-admin-password-1' };

export interface TestApp {
  app: NestFastifyApplication;
  api: HttpClient;
  url: string;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  get<T>(token: unknown): T;
  close(): Promise<void>;
}

export interface TestAppOptions {
  role?: ProcessRole;
  env?: Record<string, string>;
  /** Reuse a database (e.g. a second process of the same system); the first app owns and drops it. */
  database?: TestDatabase;
  overrides?: Array<{ provide: unknown; useValue: unknown }>;
  /** Maintenance-database URL of another Postgres server to create the test database on (fault tests). */
  postgresAdminUrl?: string;
  extraProviders?: Provider[];
}

/** A database cloned from the migrated template, for apps that share it (the caller drops it). */
export function createAppDatabase(postgresAdminUrl?: string): Promise<TestDatabase> {
  return createTestDatabase(buildDataSourceOptions({ url: '', poolSize: 2, entities: ENTITIES, migrations: MIGRATIONS }), postgresAdminUrl);
}

/**
 * The real app on its own cloned database and its own queue prefix, listening on a free port, so
 * test files run in parallel against the shared Postgres and Redis without seeing each other.
 *
 * One app per jest process as far as @Transactional() goes: the decorator finds its transaction
 * host through a process-wide static (@nestjs-cls/transactional), so a second app started in the
 * same file takes it over — the first app's @Transactional() methods then run on the second's
 * host — and once the second closes, that host is gone. Start a second app last, or not at all.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const role = options.role ?? 'all';
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createAppDatabase(options.postgresAdminUrl));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `{t${randomBytes(5).toString('hex')}}`,
    MIGRATIONS_RUN_ON_START: 'false',
    DATABASE_AUTO_CREATE: 'false',
    DATABASE_POOL_SIZE: '10',
    // Tests run on loaded machines: a request waits for a pool connection rather than answering 503.
    DATABASE_CONNECT_TIMEOUT_MS: '120000',
    LOGIN_RATE_LIMIT: '100000',
    TRIAL_RUN_RATE_LIMIT: '100000',
    // Design checks run at the lowest CPU priority: on a loaded test machine they take long, never fail for it.
    DESIGN_CHECK_TIMEOUT_MS: '300000',
    OUTBOX_POLL_INTERVAL_MS: '50',
    // Argon2id at test cost: suites make and sign in thousands of accounts (NODE_ENV=test only).
    PASSWORD_HASH_COST: 'test-only-fast',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WORKER_CONCURRENCY: '8',
    ...options.env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRole(role, config)], providers: options.extraProviders ?? [] });
  for (const override of options.overrides ?? []) builder = builder.overrideProvider(override.provide).useValue(override.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), { bufferLogs: true });
  await configureApp(app, role, config);
  let url = '';
  if (role === 'worker') {
    await app.init();
  } else {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  }
  return {
    app,
    api: new HttpClient(url),
    url,
    config,
    database,
    dataSource: app.get(DataSource),
    get: <T>(token: unknown) => app.get(token as never) as T,
    close: async () => {
      await app.close();
      if (ownsDatabase) await database.drop();
      await deleteRedisKeys(config.REDIS_URL, config.QUEUE_PREFIX);
    },
  };
}

/** Publishes through the outbox in a transaction of its own, as a service's @Transactional() method does; answers the job's id. */
export async function publishInTransaction<N extends JobName>(t: TestApp, name: N, payload: JobPayloads[N], options?: PublishOptions): Promise<string> {
  return t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => t.get<Outbox>(Outbox).publish(name, payload, options)));
}

/**
 * The same fact delivered again as a second job, under an id of the test's choosing (the catalog's
 * id would make BullMQ drop it as a duplicate): what a job run twice looks like to its handler, as
 * after a stalled worker or a re-publication. Writes the outbox row directly and wakes the relays.
 */
export async function publishAgain<N extends JobName>(t: TestApp, name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
  await t.dataSource.query(
    `WITH inserted AS (INSERT INTO outbox_message (job_name, queue, payload, job_id) VALUES ($1, $2, $3, $4)) SELECT pg_notify('${OUTBOX_CHANNEL}', '')`,
    [name, JOB_CATALOG[name].queue, JSON.stringify(payload), jobId],
  );
}
