import { Queue } from 'bullmq';
import Fastify from 'fastify';
import { Pool } from 'pg';
// The file, not @gds/queue: the bare server loads no Nest module.
import { redisOptionsFromUrl } from '../../libs/queue/src/redis-options';
import { BARE_GRADING_QUEUE, BASELINE_ROUTES } from './baseline-routes';
import { REQUEST_OPTIONS } from '../../src/platform/request-context';
import { AppFeatures, registerAppFeatures } from './baseline-features';
import { cohortOutcomesDirect } from './cohort-outcomes-direct';
import { meEnrollments, versionLesson } from './trainee-reads';

export interface BaselineServer {
  url: string;
  /** With BASELINE_FEATURES=app: what the features recorded (the test of the bound reads it). */
  features?: AppFeatures;
  close(): Promise<void>;
}

/**
 * The bare baseline of the benchmark: Fastify + pg (+ a plain BullMQ Queue for quiz grading), no
 * Nest, no ORM, no validation layers — the same token check and the same queries as the app.
 * Configured by the same variables, plus BASELINE_QUEUE_PREFIX so its queue never meets the app's.
 * PORT 0 picks a free port (the quiz-grading smoke test starts one inside the test process).
 */
export async function startBaselineServer(env: NodeJS.ProcessEnv): Promise<BaselineServer> {
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_SIZE ?? 20) });
  const gradingQueue = new Queue(BARE_GRADING_QUEUE, {
    connection: { ...redisOptionsFromUrl(env.REDIS_URL ?? 'redis://127.0.0.1:6379'), maxRetriesPerRequest: null },
    prefix: env.BASELINE_QUEUE_PREFIX ?? '{baseline}',
  });
  const deps = {
    pool,
    key: new TextEncoder().encode(env.JWT_SECRET ?? ''),
    issuer: env.JWT_ISSUER ?? 'gds-academy',
    audience: env.JWT_AUDIENCE ?? 'gds-academy-api',
    gradingQueue,
  };
  // BASELINE_FEATURES=app: the api's per-request features that are not Nest on top (baseline-features.ts).
  const withFeatures = env.BASELINE_FEATURES === 'app';
  const app = Fastify({ logger: false, ...(withFeatures ? REQUEST_OPTIONS : {}) });
  const features = withFeatures ? await registerAppFeatures(app) : undefined;
  for (const route of [...BASELINE_ROUTES, cohortOutcomesDirect, meEnrollments, versionLesson]) route(app, deps);
  // The floor: a static answer, against the api's GET /health (cpu-per-request.ts `floor`).
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/health/ready', async () => {
    await pool.query('SELECT 1');
    return { status: 'ok' };
  });
  await app.listen({ port: Number(env.PORT ?? 3100), host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    features,
    close: async () => {
      await app.close();
      await gradingQueue.close();
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  const server = await startBaselineServer(process.env);
  process.on('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
