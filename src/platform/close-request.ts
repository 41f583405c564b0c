import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsService } from './metrics.service';

const REPLY = Symbol('reply');
type RequestWithReply = FastifyRequest & { [REPLY]?: FastifyReply };

/** The logger that writes the per-request lines, looked up when a line is due (nestjs-pino sets it once the app is built). */
export type RequestLogger = () => Logger | undefined;

/**
 * The logger of the request lines: a child of the root whose `req` and `res` serializers take the
 * plain objects the line is given as they are. The root's are pino-http's, which first build the
 * standard request and response objects (every header of the answer copied by getHeaders()) and
 * then keep a few fields of them: most of the line's cost on a small answer. Made once per root;
 * it has no level of its own, so a level the root is given at run time holds for it too.
 */
function requestLines(logger: RequestLogger): RequestLogger {
  let root: Logger | undefined;
  let child: Logger | undefined;
  return () => {
    const current = logger();
    if (current !== root) {
      root = current;
      child = current?.child({}, { serializers: { req: (req: unknown) => req, res: (res: unknown) => res } });
    }
    return child;
  };
}

/**
 * Per answer: the latency histogram by route template, and one "request completed" line (info,
 * warn for 4xx, error for 5xx). Per client that went away before its answer: one "request aborted"
 * line at warn, as pino-http wrote on `close` (Fastify's onResponse runs only on finish or error).
 * `logger` is undefined when the api writes no request lines (see logsRequests).
 */
export function closeRequest(
  fastify: FastifyInstance,
  metrics: Pick<MetricsService, 'requestDuration'>,
  logger: RequestLogger | undefined,
  { addRequestHook = true }: { addRequestHook?: boolean } = {},
): ((request: FastifyRequest, reply: FastifyReply) => void) | undefined {
  const lines = logger && requestLines(logger);
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    metrics.requestDuration.observe({ method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: String(status) }, reply.elapsedTime / 1000);
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    const line = lines?.();
    if (line?.isLevelEnabled(level)) {
      line[level]({ req: { id: request.id, method: request.method, url: request.url.split('?')[0] }, res: { statusCode: status }, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
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
