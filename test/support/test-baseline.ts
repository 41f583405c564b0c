import { randomBytes } from 'node:crypto';
import { BaselineServer, startBaselineServer } from '../../bench/baseline/baseline-server';
import type { TestApp } from './test-app';

/**
 * The bench's bare server on a test app's database, Redis and token settings, on a free port and a
 * queue prefix of its own; `env` adds or overrides (a pool size, BASELINE_FEATURES).
 */
export function startTestBaseline(t: TestApp, env: Record<string, string> = {}): Promise<BaselineServer> {
  return startBaselineServer({
    DATABASE_URL: t.database.url, DATABASE_POOL_SIZE: '2', REDIS_URL: t.config.REDIS_URL, BASELINE_QUEUE_PREFIX: `{tb${randomBytes(5).toString('hex')}}`,
    JWT_SECRET: t.config.JWT_SECRET, JWT_ISSUER: t.config.JWT_ISSUER, JWT_AUDIENCE: t.config.JWT_AUDIENCE, PORT: '0',
    ...env,
  });
}
