import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_BASE, ProblemException } from './problem';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  503: 'unavailable',
};

/** Errors that mean the database or Redis is out of reach: the client may retry. */
function isDependencyOutage(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  // Also deadlocks and serialization failures (40P01, 40001): transient, the client may retry.
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '53300', '08006', '08001', '40P01', '40001'].includes(e?.code ?? (e as { driverError?: { code?: string } })?.driverError?.code ?? '')) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i.test(
    e?.message ?? '',
  );
}

/**
 * Database refusals caused by the request's values: a value out of range (a denormal float in a
 * `real` column), text too long, a check, unique or foreign-key constraint. The services validate
 * first; this is the safety net that keeps such input a 4xx (the transaction has rolled back).
 */
function databaseRefusal(error: unknown): { status: number; slug: string; detail: string } | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  if (!/^(22|23)[0-9A-Z]{3}$/.test(code)) return undefined;
  if (code === '23505') return { status: 409, slug: 'conflict', detail: 'This conflicts with an existing record.' };
  if (code === '23503') return { status: 422, slug: 'unknown-reference', detail: 'The request refers to something that does not exist.' };
  if (code.startsWith('23')) return { status: 422, slug: 'constraint-violated', detail: 'The request breaks a rule of the data model.' };
  return { status: 400, slug: 'invalid-value', detail: 'A value in the request is out of range or malformed.' };
}

/**
 * Every error leaves as application/problem+json. Unexpected errors are logged in full and
 * answered with a bare 500 that reveals nothing (no stack, no SQL).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(error, request);
    if (reply.sent) return;
    reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8');
    if (body.status === 429 && body.retryAfter) reply.header('retry-after', String(body.retryAfter));
    reply.send(JSON.stringify(body));
  }

  private toProblem(error: unknown, request: FastifyRequest): ProblemBody {
    const base = { instance: request.url?.split('?')[0], requestId: String(request.id ?? '') };
    if (error instanceof ProblemException) {
      return { type: PROBLEM_BASE + error.slug, title: error.title, status: error.problemStatus, detail: error.detail, ...error.extra, ...base };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const detail = typeof response === 'string' ? response : this.messageOf(response);
      const extra = typeof response === 'object' && response && 'errors' in response ? { errors: (response as { errors: unknown }).errors } : {};
      return { type: PROBLEM_BASE + (SLUGS[status] ?? 'error'), title: TITLES[status] ?? 'Error', status, detail, ...extra, ...base };
    }
    const fastifyStatus = (error as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        type: PROBLEM_BASE + (SLUGS[fastifyStatus] ?? 'bad-request'),
        title: TITLES[fastifyStatus] ?? 'Bad request',
        status: fastifyStatus,
        detail: this.safeFastifyMessage(error as Error),
        ...base,
      };
    }
    const refusal = databaseRefusal(error);
    if (refusal) {
      this.logger.warn({ msg: 'database refused a request value', error: (error as Error)?.message });
      return { type: PROBLEM_BASE + refusal.slug, title: TITLES[refusal.status], status: refusal.status, detail: refusal.detail, ...base };
    }
    if (isDependencyOutage(error)) {
      this.logger.warn({ msg: 'dependency unavailable', error: (error as Error)?.message });
      return { type: PROBLEM_BASE + 'unavailable', title: TITLES[503], status: 503, detail: 'A service this request needs is unavailable; retry shortly.', ...base };
    }
    this.logger.error({ msg: 'unhandled error', error: (error as Error)?.message, stack: (error as Error)?.stack });
    return { type: 'about:blank', title: 'Internal server error', status: 500, ...base };
  }

  private messageOf(response: object): string | undefined {
    const message = (response as { detail?: unknown; message?: unknown }).detail ?? (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : undefined;
  }

  /** Fastify's own messages are safe (body parsing, limits); keep them short. */
  private safeFastifyMessage(error: Error): string {
    return (error.message ?? 'Bad request').slice(0, 200);
  }
}
