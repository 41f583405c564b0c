import cookie from '@fastify/cookie';
import { resolveSecurityHeaders } from '@nestjs/core/security/security-headers';
import type { FastifyInstance } from 'fastify';
import { CLS_ID, ClsServiceManager } from 'nestjs-cls';
import { Histogram } from 'prom-client';
// The files, not the app's modules: the bare server loads no Nest module, only the same feature code.
import { closeRequest } from '../../src/platform/close-request';
import { registerCors } from '../../src/platform/cors';
import { isPublicCorsPath, PUBLIC_CORS } from '../../src/platform/public-cors';
import { LOGGED_REQUEST, loggedRequestOf, requestIdOf } from '../../src/platform/logger-options';
import { registerResponseEncoding } from '../../src/platform/response-encoding';
import { addSecurityHeaders, SecurityHeaders } from '../../src/platform/security-headers';
import type { MetricsService } from '../../src/platform/metrics.service';

/**
 * The api's per-request features that are not Nest, put on the bare server (BASELINE_FEATURES=app,
 * `CPU_BARE_FEATURES=1 node dist/bench/cpu-per-request.js ...`): a bare route with them costs what
 * any implementation of the app's routes must pay for the features it promises, whatever carries
 * the routes. So `bare / bare+features` bounds from above the ratio the api can reach against the
 * bare baseline (issue 23 item 2) while keeping every feature; the rest of the api's gap is Nest's
 * pipeline and the routes' own code. Each feature is the api's own code where the code is Nest-free,
 * configured as http-app.ts configures it:
 * - the request id (X-Request-Id, genReqId: passed to Fastify by `featureServerOptions`);
 * - the request context, nestjs-cls's own store, opened per request with the same two values;
 * - CORS (cors.ts) with the api's two policies and no configured origins (the bench sets none);
 * - the security headers Nest's app.useSecurityHeaders({ contentSecurityPolicy: false }) resolves;
 * - @fastify/cookie registered as the api registers it (`hook: false`);
 * - Cache-Control, ETag/304 and brotli/gzip negotiation (response-encoding.ts);
 * - the latency histogram and the request line's hooks (close-request.ts; no line at the bench's warn level).
 * Not here: authorization, validation and problem+json, which the bare routes do their own way.
 */
export const featureServerOptions = {
  genReqId: (req: { headers: Record<string, unknown> }) => requestIdOf(req.headers['x-request-id']),
  routerOptions: { maxParamLength: 200 },
};

export async function registerAppFeatures(app: FastifyInstance): Promise<void> {
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [],
  });
  const keepReply = closeRequest(app, { requestDuration } as unknown as MetricsService, () => undefined, { addRequestHook: false });
  const cors = registerCors(
    app,
    { origin: false, methods: 'GET,HEAD,POST' },
    PUBLIC_CORS,
    isPublicCorsPath,
    { addHook: false },
  );
  const cls = ClsServiceManager.getClsService();
  app.addHook('onRequest', (request, reply, done) => {
    const id = String(request.id);
    reply.header('x-request-id', id);
    keepReply?.(request, reply);
    cls.run(() => {
      cls.set(CLS_ID, id);
      cls.set(LOGGED_REQUEST, loggedRequestOf(request));
      cors(request, reply, done);
    });
  });
  await app.register(cookie as never, { hook: false } as never);
  const security: SecurityHeaders = resolveSecurityHeaders({ contentSecurityPolicy: false }).headers.map(([name, value]) => [name.toLowerCase(), value]);
  await registerResponseEncoding(app, (reply) => addSecurityHeaders(reply, security));
}
