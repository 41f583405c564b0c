import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import { AppConfig, ProcessRole } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id: the caller's X-Request-Id when it is sane, else a fresh UUID. */
export function requestIdOf(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** JSON lines with the request id; credentials and tokens are redacted. */
export function loggerOptions(config: AppConfig, role: ProcessRole): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service: 'gds-academy', role },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.refreshToken', '*.accessToken'],
        censor: '[redacted]',
      },
      // Fastify assigns the id (see requestIdOf); the logger reuses it so both say the same.
      genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: config.NODE_ENV !== 'test',
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
