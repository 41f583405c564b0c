import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { ClsService } from 'nestjs-cls';
import { problemClientErrorHandler, problemFrameworkErrors } from '@gds/http';
import { AppConfig, ProcessRole } from '../config/app-config';
import { AppModule } from '../app.module';
import { logsRequests } from './logger-options';
import { mountQueueDashboard } from './queue-dashboard';
import { mountWebApp } from './web-app';
import { MetricsService } from './metrics.service';
import { closeRequest } from './close-request';
import { registerResponseEncoding } from './response-encoding';
import { openRequestContext, REQUEST_OPTIONS } from './request-context';
import { registerCors } from './cors';
import { apiCorsPolicy, isPublicCorsPath, PUBLIC_CORS } from './cors-policies';
import { dropPassThroughEnhancers } from './pass-through-enhancers';
import { buildOpenApiDocument } from './openapi-document';
import { addSecurityHeaders, keepSecurityHeaders, SECURITY_HEADER_OPTIONS, securityHeadersOf } from './security-headers';

export const API_PREFIX = 'api/v1';
/** Paths that live outside /api/v1 (API.md); the proof tests read this list too. */
export const UNPREFIXED = ['health', 'health/ready', 'metrics', 'verify/{*path}', '.well-known/{*path}', 'dashboards/{*path}'];

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  const adapter: FastifyAdapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    ...REQUEST_OPTIONS,
    clientErrorHandler: problemClientErrorHandler,
    // The router's refusals (malformed URL 400, over-long parameter 414) run before any hook: they
    // carry the security headers of every other answer from here.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      addSecurityHeaders(reply, securityHeadersOf(adapter)());
      problemFrameworkErrors(error, request, reply);
    },
  } as never);
  // Nest's security headers (app.useSecurityHeaders) go out with each answer's own headers, put
  // there by the response-encoding hook, rather than by the adapter's hook per request (security-headers.ts).
  keepSecurityHeaders(adapter);
  return adapter;
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
  dropPassThroughEnhancers(app);

  const fastify = app.getHttpAdapter().getInstance();
  // Our per-request steps that must run before the handler (the request's id and context, the
  // reply kept for the "request aborted" line, CORS) run from one onRequest hook: each hook is a
  // step of Fastify's hook runner per request.
  const keepReply = closeRequest(fastify, app.get(MetricsService), logsRequests(config) ? () => PinoLogger.root : undefined, { addRequestHook: false });
  // No credentials either way; the methods are those @fastify/cors allowed by default (cors.ts).
  const cors = registerCors(
    fastify,
    apiCorsPolicy(config.corsOrigins),
    PUBLIC_CORS,
    isPublicCorsPath,
    { addHook: false },
  );
  openRequestContext(fastify, app.get(ClsService), keepReply, cors);
  // The same headers @fastify/helmet sent with these options (helmet's defaults, no CSP: the web app
  // sets its own), resolved once at start and put among each answer's own headers
  // (security-headers.ts) rather than by building helmet's middleware on every request.
  app.useSecurityHeaders(SECURITY_HEADER_OPTIONS);
  // Sets the browser session's refresh cookie (src/identity/refresh-cookie.ts) and the dashboard's;
  // unsigned: the token is its own proof. `hook: false`: no parsing hook on every request (and no
  // container per request); the two routes that read a cookie parse the header themselves (requestCookie).
  await app.register(cookie as never, { hook: false } as never);
  const securityHeaders = securityHeadersOf(app.getHttpAdapter());
  // Recorded now, once useSecurityHeaders has set them (security-headers.ts).
  securityHeaders();
  await registerResponseEncoding(fastify, (reply) => addSecurityHeaders(reply, securityHeaders()));

  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
  // Built on the first request for /docs or /docs-json (then kept), not at start: scanning every route
  // and DTO is a noticeable share of the api's start-up (issue 23.6).
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await mountQueueDashboard(app);
  await mountWebApp(app, config);
  return app;
}
