import Fastify from 'fastify';
import { Pool } from 'pg';
import { BASELINE_ROUTES } from './baseline-routes';

/**
 * The bare baseline of the benchmark: Fastify + pg, no Nest, no ORM, no validation layers — the
 * same token check and the same queries as the app. Configured by the same variables.
 */
async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  const deps = {
    pool,
    key: new TextEncoder().encode(process.env.JWT_SECRET ?? ''),
    issuer: process.env.JWT_ISSUER ?? 'gds-academy',
    audience: process.env.JWT_AUDIENCE ?? 'gds-academy-api',
  };
  const app = Fastify({ logger: false });
  for (const route of BASELINE_ROUTES) route(app, deps);
  app.get('/health/ready', async () => {
    await pool.query('SELECT 1');
    return { status: 'ok' };
  });
  process.on('SIGTERM', () => {
    void app.close().then(() => pool.end()).then(() => process.exit(0));
  });
  await app.listen({ port: Number(process.env.PORT ?? 3100), host: '127.0.0.1' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
