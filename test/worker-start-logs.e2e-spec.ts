import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { deleteRedisKeys, TestDatabase } from '@gds/testing';
import { JobHandlerRegistry } from '../libs/queue/src/job-handler.registry';
import { loadConfig } from '../src/config/load-config';
import { createWorkerContext } from '../src/platform/worker-app';
import { createAppDatabase } from './support/test-app';

/*
 * The worker's start-up hooks log as they run, not into a buffer flushed once start-up is over: a
 * worker whose start-up stalls (Redis unreachable) must still have said how far it got.
 */
describe('worker: start-up logging', () => {
  let database: TestDatabase;
  let app: INestApplicationContext | undefined;
  const queuePrefix = `{t${randomBytes(5).toString('hex')}}`;
  const config = () =>
    loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: database.url, QUEUE_PREFIX: queuePrefix, MIGRATIONS_RUN_ON_START: 'false', DATABASE_AUTO_CREATE: 'false', PASSWORD_HASH_COST: 'test-only-fast' });

  beforeAll(async () => {
    database = await createAppDatabase();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await deleteRedisKeys(config().REDIS_URL, queuePrefix);
  });

  it('hands a start-up hook line to the pino logger while the hook runs', async () => {
    const written = jest.spyOn(Logger.prototype, 'log');
    let loggedDuringHook = false;
    const original = JobHandlerRegistry.prototype.onModuleInit;
    const hook = jest.spyOn(JobHandlerRegistry.prototype, 'onModuleInit').mockImplementation(function (this: JobHandlerRegistry) {
      original.call(this);
      loggedDuringHook = written.mock.calls.some(([message]) => String(message).includes('job handlers registered'));
    });
    try {
      app = await createWorkerContext(config());
      expect(hook).toHaveBeenCalled();
      expect(loggedDuringHook).toBe(true);
    } finally {
      hook.mockRestore();
      written.mockRestore();
    }
  });
});
