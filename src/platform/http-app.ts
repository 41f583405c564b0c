import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import { Logger } from 'nestjs-pino';
import { problemClientErrorHandler } from '@gds/http';
import { AppConfig, ProcessRole } from '../config/app-config';
import { AppModule } from '../app.module';
import { requestIdOf } from './logger-options';
import { mountQueueDashboard } from './queue-dashboard';
import { mountWebApp } from './web-app';
import { MetricsService } from './metrics.service';

export const API_PREFIX = 'api/v1';
/** Paths that live outside /api/v1 (API.md); the proof tests read this list too. */
export const UNPREFIXED = ['health', 'health/ready', 'metrics', 'verify/{*path}', '.well-known/{*path}', 'dashboards/{*path}'];

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req: { headers: Record<string, unknown> }) => requestIdOf(req.headers['x-request-id']),
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler: problemClientErrorHandler,
  } as never);
}

export async function createApp(role: ProcessRole, config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRole(role, config), createFastifyAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  return configureApp(app, role, config);
}

/** Logging, shutdown hooks, and for the api: hooks, security headers, CORS, prefix, OpenAPI, dashboard, the web app. */
export async function configureApp(app: NestFastifyApplication, role: ProcessRole, config: AppConfig): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (role === 'worker') return app;

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    (request.raw as { id?: string }).id = String(request.id);
    reply.header('x-request-id', request.id);
  });
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.requestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  await app.register(helmet as never, { contentSecurityPolicy: false } as never);
  await app.register(cors as never, { origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false } as never);

  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GDS Academy API')
      .setDescription('Cohort-based upskilling: courses, cohorts, assessments, certificates, notifications, outcomes.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await mountQueueDashboard(app);
  await mountWebApp(app, config);
  return app;
}
