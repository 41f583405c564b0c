import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_BASE } from './problem';
import { titleOf } from './problem-catalog';

export interface FrameworkProblem {
  status: number;
  slug: string;
  detail: string;
}

/**
 * Errors raised by Fastify and its plugins before a handler runs, each with a fixed detail: their
 * own messages quote the request (the whole URL of a 414, a content type, an encoding), and an
 * error answer must never echo its input.
 */
const FRAMEWORK_PROBLEMS: Record<string, FrameworkProblem> = {
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, slug: 'uri-too-long', detail: 'A path segment of this request is longer than any resource name.' },
  FST_ERR_BAD_URL: { status: 400, slug: 'malformed-url', detail: 'The request path is not a valid URL (bad percent-encoding).' },
  FST_ERR_INVALID_URL: { status: 400, slug: 'malformed-url', detail: 'The request path is not a valid URL.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, slug: 'payload-too-large', detail: 'The request body is larger than this server accepts.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, slug: 'unsupported-media-type', detail: 'Send request bodies as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, slug: 'bad-content-length', detail: 'The request body does not match its Content-Length.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, slug: 'malformed-json', detail: 'The body is empty although its content type says JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, slug: 'malformed-json', detail: 'The body is not valid JSON.' },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: { status: 400, slug: 'missing-content-type', detail: 'This request needs a Content-Type header.' },
  FST_ERR_ROUTE_MISSING_CONTENT: { status: 400, slug: 'missing-body', detail: 'This request needs a body.' },
  FST_CP_ERR_INVALID_CONTENT_ENCODING: { status: 415, slug: 'unsupported-content-encoding', detail: 'Request bodies must not be compressed (Content-Encoding).' },
  FST_CP_ERR_INVALID_CONTENT: { status: 400, slug: 'bad-content-encoding', detail: 'The request body could not be decoded.' },
};

/** JSON that does not parse (Fastify passes the parser's SyntaxError on, with a status of 400). */
const MALFORMED_JSON = FRAMEWORK_PROBLEMS.FST_ERR_CTP_INVALID_JSON_BODY;

/**
 * The problem for an error Fastify raised with a 4xx status, or undefined when it is none of
 * those. Unknown codes get a detail by status alone, never the error's message.
 */
export function frameworkProblemOf(error: unknown): FrameworkProblem | undefined {
  const e = error as { code?: unknown; statusCode?: unknown; name?: unknown };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (typeof e?.code === 'string' && FRAMEWORK_PROBLEMS[e.code]) return FRAMEWORK_PROBLEMS[e.code];
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (e.name === 'SyntaxError') return MALFORMED_JSON;
  return { status, slug: 'bad-request', detail: `${titleOf(status)}.` };
}

/**
 * Fastify's `frameworkErrors` option: the router's own refusals (a malformed URL, a path parameter
 * over `maxParamLength`) happen before any hook or Nest filter, so they are answered here, with
 * the X-Request-Id header the api's request hook would have set. (Security headers: the caller's
 * wrapper puts them on first, see createFastifyAdapter.)
 */
export function problemFrameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const problem = frameworkProblemOf(error) ?? { status: 400, slug: 'bad-request', detail: 'The request could not be routed.' };
  const requestId = String(request.id ?? '');
  void reply
    .code(problem.status)
    .header('x-request-id', requestId)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      JSON.stringify({
        type: PROBLEM_BASE + problem.slug,
        title: titleOf(problem.status),
        status: problem.status,
        detail: problem.detail,
        requestId,
      }),
    );
}
