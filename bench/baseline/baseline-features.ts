import cookie from '@fastify/cookie';
import { resolveSecurityHeaders } from '@nestjs/core/security/security-headers';
import type { FastifyInstance } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import pino from 'pino';
import type { Histogram } from 'prom-client';
// The files, not the app's modules: the bare server loads no Nest module, only the same feature code.
import { closeRequest } from '../../src/platform/close-request';
import { registerCors } from '../../src/platform/cors';
import { apiCorsPolicy, isPublicCorsPath, PUBLIC_CORS } from '../../src/platform/cors-policies';
import { openRequestContext } from '../../src/platform/request-context';
import { requestDurationHistogram } from '../../src/platform/request-duration';
import { registerResponseEncoding } from '../../src/platform/response-encoding';
import { addSecurityHeaders, SECURITY_HEADER_OPTIONS, SecurityHeaders } from '../../src/platform/security-headers';

/** What the test of the bound reads back: the histogram the requests were counted in. */
export interface AppFeatures {
  requestDuration: Histogram<'method' | 'route' | 'status'>;
}

/**
 * The api's per-request features that are not Nest, put on the bare server (BASELINE_FEATURES=app,
 * `CPU_BARE_FEATURES=1 node dist/bench/cpu-per-request.js ...`): a bare route with them costs what
 * any implementation of the app's routes must pay for the features it promises, whatever carries
 * the routes. So `bare / bare+features` bounds from above the ratio the api can reach against the
 * bare baseline (issue 23 item 2) while keeping every feature; the rest of the api's gap is Nest's
 * pipeline and the routes' own code. Each feature is the api's own code (the same functions
 * http-app.ts calls, with the same options):
 * - the request id (X-Request-Id, genReqId: the api's REQUEST_OPTIONS, passed to Fastify by the bare server);
 * - the request context, nestjs-cls's own store, opened per request with the same two values;
 * - CORS (cors.ts) with the api's two policies and no configured origins (the bench sets none);
 * - the security headers Nest's app.useSecurityHeaders({ contentSecurityPolicy: false }) resolves;
 * - @fastify/cookie registered as the api registers it (`hook: false`);
 * - Cache-Control, ETag/304 and brotli/gzip negotiation (response-encoding.ts);
 * - the latency histogram and the request line's hooks (close-request.ts; no line at the bench's warn level).
 * Not here: authorization, validation and problem+json, which the bare routes do their own way; and
 * what is Nest's: the adapter's own onRequest hooks (lifecycle, 503 on closing, CORS, the security
 * hook run against a response that ignores headers, routable target, version errors), middie's, and
 * Nest's router. Nor the process-wide default metrics (collectDefaultMetrics: an event-loop delay
 * monitor and a GC observer), which cost nothing per request.
 */
export async function registerAppFeatures(app: FastifyInstance): Promise<AppFeatures> {
  const requestDuration = requestDurationHistogram([]);
  // The bench runs the api at LOG_LEVEL=warn: a logger is given (the abort hook and the kept reply
  // run as in the api), but no line is written for a successful answer, as in the api.
  const quiet = pino({ level: 'warn' });
  const keepReply = closeRequest(app, { requestDuration }, () => quiet, { addRequestHook: false });
  const cors = registerCors(app, apiCorsPolicy([]), PUBLIC_CORS, isPublicCorsPath, { addHook: false });
  openRequestContext(app, ClsServiceManager.getClsService(), keepReply, cors);
  await app.register(cookie as never, { hook: false } as never);
  const security: SecurityHeaders = resolveSecurityHeaders(SECURITY_HEADER_OPTIONS).headers.map(([name, value]) => [name.toLowerCase(), value]);
  await registerResponseEncoding(app, (reply) => addSecurityHeaders(reply, security));
  return { requestDuration };
}
