import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsService } from './metrics.service';

const REPLY = Symbol('reply');
type RequestWithReply = FastifyRequest & { [REPLY]?: FastifyReply };

/** The logger that writes the per-request lines, looked up when a line is due (nestjs-pino sets it once the app is built). */
export type RequestLogger = () => Logger | undefined;

/**
 * Per answer: the latency histogram by route template, and one "request completed" line (info,
 * warn for 4xx, error for 5xx). Per client that went away before its answer: one "request aborted"
 * line at warn, as pino-http wrote on `close` (Fastify's onResponse runs only on finish or error).
 * `logger` is undefined when the api writes no request lines (see logsRequests).
 */
export function closeRequest(
  fastify: FastifyInstance,
  metrics: MetricsService,
  logger: RequestLogger | undefined,
  { addRequestHook = true }: { addRequestHook?: boolean } = {},
): ((request: FastifyRequest, reply: FastifyReply) => void) | undefined {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    metrics.requestDuration.observe({ method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: String(status) }, reply.elapsedTime / 1000);
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    const root = logger?.();
    // `res` is the Node response: pino-http's serializer reads its status only once headers are sent.
    if (root?.isLevelEnabled(level)) {
      root[level]({ req: { id: request.id, method: request.method, url: request.url }, res: reply.raw, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
    }
    done();
  });
  if (!logger) return undefined;
  // onRequestAbort is given the request alone: its reply (whose clock the completed line reads) is
  // kept on it (a property costs less per request than a WeakMap entry). Returned so that the api
  // does it from its one request-context hook (`addRequestHook: false`) rather than a hook of its own.
  const keepReply = (request: FastifyRequest, reply: FastifyReply): void => {
    (request as RequestWithReply)[REPLY] = reply;
  };
  if (addRequestHook) {
    fastify.addHook('onRequest', (request, reply, done) => {
      keepReply(request, reply);
      done();
    });
  }
  fastify.addHook('onRequestAbort', (request, done) => {
    const root = logger();
    if (root?.isLevelEnabled('warn')) {
      const elapsed = (request as RequestWithReply)[REPLY]?.elapsedTime ?? 0;
      root.warn({ req: { id: request.id, method: request.method, url: request.url }, responseTime: Math.round(elapsed) }, 'request aborted');
    }
    done();
  });
  return keepReply;
}
