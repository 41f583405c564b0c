import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import cookie from '@fastify/cookie';
import { Logger } from 'nestjs-pino';
import { problemClientErrorHandler, problemFrameworkErrors } from '@gds/http';
import { AppConfig, ProcessRole } from '../config/app-config';
import { AppModule } from '../app.module';
import { requestIdOf } from './logger-options';
import { mountQueueDashboard } from './queue-dashboard';
import { mountWebApp } from './web-app';
import { MetricsService } from './metrics.service';
import { registerResponseEncoding } from './response-encoding';
import { buildOpenApiDocument } from './openapi-document';

export const API_PREFIX = 'api/v1';
/** Paths that live outside /api/v1 (API.md); the proof tests read this list too. */
export const UNPREFIXED = ['health', 'health/ready', 'metrics', 'verify/{*path}', '.well-known/{*path}', 'dashboards/{*path}'];

/**
 * Public machine-readable documents and verification (API.md): any origin may read them, without
 * credentials, so browser-based verifiers and wallets can. Everything else follows CORS_ORIGINS.
 */
export const PUBLIC_CORS_PATHS = [
  /^\/verify\//,
  /^\/\.well-known\//,
  /^\/api\/v1\/revocation-lists\//,
  /^\/api\/v1\/issuers\//,
  /^\/api\/v1\/achievements\//,
  /^\/api\/v1\/skills\/[^/?]+(\?|$)/,
];

const PUBLIC_CORS = { origin: '*', credentials: false, methods: ['GET', 'HEAD', 'POST'], allowedHeaders: ['Content-Type', 'Accept'], maxAge: 600 };

export const isPublicCorsPath = (url: string) => PUBLIC_CORS_PATHS.some((pattern) => pattern.test(url));

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req: { headers: Record<string, unknown> }) => requestIdOf(req.headers['x-request-id']),
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler: problemClientErrorHandler,
    frameworkErrors: problemFrameworkErrors,
  } as never);
}

export async function createApp(role: ProcessRole, config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRole(role, config), createFastifyAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  return configureApp(app, role, config);
}

/** Logging, shutdown hooks, and for the api: hooks, security headers, CORS, caching and compression, prefix, OpenAPI, dashboard, the web app. */
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
  const configured = { origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false };
  await app.register(cors as never, {
    delegator: (request: { url?: string }, callback: (error: Error | null, options: object) => void) =>
      callback(null, isPublicCorsPath(request.url ?? '') ? PUBLIC_CORS : configured),
  } as never);
  // Reads the browser session's refresh cookie (src/identity/refresh-cookie.ts); unsigned: the token is its own proof.
  await app.register(cookie as never);
  await registerResponseEncoding(fastify);

  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
  // Built on the first request for /docs or /docs-json, not at start: exploring every route and DTO
  // is most of an api process's start-up work (each jest file starts an app; most never read it).
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await mountQueueDashboard(app);
  await mountWebApp(app, config);
  return app;
}
