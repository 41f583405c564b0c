import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CLS_ID, ClsService } from 'nestjs-cls';
import type { CorsRequestHook } from './cors';
import { LOGGED_REQUEST, loggedRequestOf, requestIdOf } from './logger-options';

/**
 * The api's Fastify options for each request: its id (the caller's X-Request-Id when well formed,
 * else a fresh one) and the longest path parameter the router takes. Shared with the bench's bare
 * server with the api's features.
 */
export const REQUEST_OPTIONS = {
  genReqId: (req: { headers: Record<string, unknown> }) => requestIdOf(req.headers['x-request-id']),
  routerOptions: { maxParamLength: 200 },
};

/**
 * The request's id (X-Request-Id) and its context, in one synchronous onRequest hook (which then
 * keeps the reply for the abort line and runs the CORS step, cors.ts): the CLS
 * context that @Transactional() joins (nestjs-cls), which also holds the request for the log lines
 * written while serving it (`requestBindings`, logger-options.ts). Fastify runs the rest of the
 * request from `done`, so it holds through guards, pipes, the handler and the answer's hooks.
 * Nest-free, so that the bench's bare server with the api's features runs this very hook
 * (bench/baseline/baseline-features.ts).
 */
export function openRequestContext(
  fastify: FastifyInstance,
  cls: ClsService,
  keepReply: ((request: FastifyRequest, reply: FastifyReply) => void) | undefined,
  cors: CorsRequestHook,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const id = String(request.id);
    reply.header('x-request-id', id);
    keepReply?.(request, reply);
    cls.run(() => {
      cls.set(CLS_ID, id);
      cls.set(LOGGED_REQUEST, loggedRequestOf(request));
      cors(request, reply, done);
    });
  });
}
