import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import { ClsServiceManager } from 'nestjs-cls';
import { AppConfig, ProcessRole } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request being served, in its CLS context (set by the api's onRequest hook, http-app.ts). */
export const LOGGED_REQUEST = Symbol('logged-request');

/** What a request's CLS context keeps for its log lines (see openRequestContext in http-app.ts). */
export interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
}

/**
 * The fields the log lines read, copied out of the request: every async resource made while serving
 * a request carries its CLS store, and one that outlives the answer (the keep-alive timer, pg-pool's
 * idle timer) kept the whole request graph alive into old space when the store held the request
 * itself: GET /me promoted 7.3 KB per request instead of 1.4 (bench/gc-promotion.ts).
 */
export function loggedRequestOf(request: { id: unknown; method: string; url: string }): LoggedRequest {
  return { id: request.id, method: request.method, url: request.url };
}

/**
 * Lines logged while a request is served carry `req` (id, method, URL): read from the request's CLS
 * context when a line is written, instead of a pino child logger (nestjs-pino's runInContext) made
 * for every request and a second AsyncLocalStorage context, whether anything is logged or not.
 * The line's own `req` (the "request completed" line) wins over this one; both are the same request.
 */
export function requestBindings(): { req?: { id: unknown; method: string; url: string } } {
  const request = ClsServiceManager.getClsService().get(LOGGED_REQUEST) as LoggedRequest | undefined;
  return request ? { req: { id: request.id, method: request.method, url: request.url } } : {};
}

/** The request id: the caller's X-Request-Id when it is sane, else a fresh UUID. */
export function requestIdOf(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Whether the api writes one "request completed" line per answer (not under test). */
export const logsRequests = (config: AppConfig): boolean => config.NODE_ENV !== 'test';

/**
 * JSON lines with the request id; credentials and tokens are redacted. pino-http only builds the
 * root logger here: it is not mounted as Nest middleware (`forRoutes: []`), since that put
 * @fastify/middie and a per-request child logger on every request. The api opens each request's
 * logging context (lines logged while serving it carry `req`) and writes the one line per answer
 * in its own Fastify hooks (src/platform/http-app.ts).
 */
export function loggerOptions(config: AppConfig, role: ProcessRole): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service: 'gds-academy', role },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.refreshToken', '*.accessToken'],
        censor: '[redacted]',
      },
      autoLogging: false,
      mixin: requestBindings,
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
