import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { AppModule } from '../app.module';
import { loggerOptions } from './logger-options';

/**
 * The worker role as a Nest application context: its modules, queue processors, relay and schedules,
 * and no HTTP adapter. A Nest application built on Fastify and never listening still resolved every
 * controller's routes at init (handlers, guards, pipes and parameter factories of each route), which
 * only the api serves: memory the worker kept for nothing (issue 23.3).
 *
 * createApplicationContext runs init() (every start-up hook) before it returns, so a logger set with
 * useLogger afterwards, with bufferLogs, held every start-up line until start-up was over: a worker
 * stalled on Redis printed nothing. The pino logger is built before the context and passed in; it
 * shares the one pino root with the LoggerModule's (nestjs-pino builds the root once, on first use).
 */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const params = loggerOptions(config, 'worker');
  const logger = new Logger(new PinoLogger(params), params);
  const app = await NestFactory.createApplicationContext(AppModule.forRole('worker', config), { logger, abortOnError: false });
  app.enableShutdownHooks();
  return app;
}
