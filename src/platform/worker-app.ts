import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { AppModule } from '../app.module';

/**
 * The worker role as a Nest application context: its modules, queue processors, relay and schedules,
 * and no HTTP adapter. A Nest application built on Fastify and never listening still resolved every
 * controller's routes at init (handlers, guards, pipes and parameter factories of each route), which
 * only the api serves: memory the worker kept for nothing (issue 23.3).
 */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRole('worker', config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
