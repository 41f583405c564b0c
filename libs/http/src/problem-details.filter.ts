import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_BASE, ProblemException } from './problem';
import { PROBLEM_SLUGS, PROBLEM_TITLES, titleOf } from './problem-catalog';
import { frameworkProblemOf } from './framework-errors';
import { allowedMethodsOf } from './allowed-methods';
import { PG_DATA_EXCEPTION_CLASS, PG_FOREIGN_KEY_VIOLATION, PG_INTEGRITY_CONSTRAINT_CLASS, PG_TRANSIENT_CODES, PG_UNIQUE_VIOLATION } from '@gds/database';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  [key: string]: unknown;
}

const SOCKET_FAILURES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Errors that mean the database or Redis is out of reach: the client may retry. */
function isDependencyOutage(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  // Also deadlocks and serialization failures: a @Transactional() method has re-run its transaction
  // already (libs/database/src/transaction-retry.ts) and lost every time, or a statement outside one lost.
  const code = e?.code ?? (e as { driverError?: { code?: string } })?.driverError?.code ?? '';
  if (SOCKET_FAILURES.has(code) || PG_TRANSIENT_CODES.has(code)) {
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
  if (!/^[0-9A-Z]{5}$/.test(code) || ![PG_DATA_EXCEPTION_CLASS, PG_INTEGRITY_CONSTRAINT_CLASS].includes(code.slice(0, 2))) return undefined;
  if (code === PG_UNIQUE_VIOLATION) return { status: 409, slug: 'conflict', detail: 'This conflicts with an existing record.' };
  if (code === PG_FOREIGN_KEY_VIOLATION) return { status: 422, slug: 'unknown-reference', detail: 'The request refers to something that does not exist.' };
  if (code.startsWith(PG_INTEGRITY_CONSTRAINT_CLASS)) return { status: 422, slug: 'constraint-violated', detail: 'The request breaks a rule of the data model.' };
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
    const body = request.is404 ? this.unmatched(request, reply) : this.toProblem(error, request);
    if (reply.sent) return;
    reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8');
    if ((body.status === 429 || body.status === 503) && body.retryAfter) reply.header('retry-after', String(body.retryAfter));
    reply.send(JSON.stringify(body));
  }

  /**
   * No route matched: 405 with `Allow` when the path exists for other methods, else 404. Neither
   * quotes the method or the path (which may be kilobytes of anyone's input).
   */
  private unmatched(request: FastifyRequest, reply: FastifyReply): ProblemBody {
    const requestId = String(request.id ?? '');
    const allowed = allowedMethodsOf(request.server, request.url);
    if (allowed.length) {
      reply.header('allow', allowed.join(', '));
      return { type: PROBLEM_BASE + 'method-not-allowed', title: PROBLEM_TITLES[405], status: 405, detail: 'This resource does not answer this method; see Allow.', requestId };
    }
    return { type: PROBLEM_BASE + 'not-found', title: PROBLEM_TITLES[404], status: 404, detail: 'No resource at this path.', requestId };
  }

  private toProblem(error: unknown, request: FastifyRequest): ProblemBody {
    const base = { instance: request.url?.split('?')[0], requestId: String(request.id ?? '') };
    if (error instanceof ProblemException) {
      return { type: PROBLEM_BASE + error.slug, title: error.title, status: error.problemStatus, detail: error.detail, ...error.extra, ...base };
    }
    // Nest hands Fastify's own 4xx errors on as HttpExceptions whose cause is the original.
    const framework = frameworkProblemOf(error instanceof HttpException ? error.cause : error);
    if (framework) {
      return { type: PROBLEM_BASE + framework.slug, title: titleOf(framework.status), status: framework.status, detail: framework.detail, ...base };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const detail = typeof response === 'string' ? response : this.messageOf(response);
      const extra = typeof response === 'object' && response && 'errors' in response ? { errors: (response as { errors: unknown }).errors } : {};
      return { type: PROBLEM_BASE + (PROBLEM_SLUGS[status] ?? 'error'), title: PROBLEM_TITLES[status] ?? 'Error', status, detail, ...extra, ...base };
    }
    const refusal = databaseRefusal(error);
    if (refusal) {
      this.logger.warn({ msg: 'database refused a request value', error: (error as Error)?.message });
      return { type: PROBLEM_BASE + refusal.slug, title: PROBLEM_TITLES[refusal.status], status: refusal.status, detail: refusal.detail, ...base };
    }
    if (isDependencyOutage(error)) {
      this.logger.warn({ msg: 'dependency unavailable', error: (error as Error)?.message });
      return { type: PROBLEM_BASE + 'unavailable', title: PROBLEM_TITLES[503], status: 503, detail: 'A service this request needs is unavailable; retry shortly.', ...base };
    }
    this.logger.error({ msg: 'unhandled error', error: (error as Error)?.message, stack: (error as Error)?.stack });
    return { type: 'about:blank', title: 'Internal server error', status: 500, ...base };
  }

  private messageOf(response: object): string | undefined {
    const message = (response as { detail?: unknown; message?: unknown }).detail ?? (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : undefined;
  }
}
