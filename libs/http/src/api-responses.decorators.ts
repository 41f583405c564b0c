import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemView } from './problem.view';
import { titleOf } from './problem-catalog';

/*
 * Response declarations for /docs-json. The document is what the web app's client is generated
 * from and what the e2e contract check (libs/testing http-client) validates every JSON answer
 * against, so each operation declares:
 *   - its success: `@ApiOkResponse({ type: XView })` (or Created/Accepted), `@ApiPage(XView)` for a
 *     `{ items, nextCursor }` list, `@ApiNoContent()`, `@ApiBinary('application/pdf')`,
 *     `@ApiText('text/csv')`, or `@ApiContent(200, { 'application/json': XView, 'text/html': 'text' })`
 *     when one status answers several media types;
 *   - its errors: `@ApiProblems(400, 404, ...)`, on the method or the class. `@Authenticated()`
 *     adds 401 and `@Roles(...)` adds 401 and 403 by themselves; declareCommonProblems adds what
 *     the platform answers anywhere (400/413/415 on methods with a body, 404/414 with a path
 *     parameter, 503). Declare the rest: 400 for query parameters, 403, 404 of a body's
 *     reference, 409, 422, 429.
 * Response classes need explicit @ApiProperty on every field: the build runs plain tsc, without
 * the @nestjs/swagger CLI plugin. A `string | null` field reflects as Object: give it
 * `{ type: String, nullable: true }`; a field always present is @ApiProperty (required), even
 * when null, so generated clients do not type it optional.
 */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What each status means in this API (API.md); the description of the declared response. */
const PROBLEM_MEANINGS: Record<number, string> = {
  400: 'The request is malformed or has invalid or unknown fields',
  401: 'Not signed in, or the access token is invalid or expired',
  403: 'Signed in, but not allowed to do this',
  404: 'Absent, or not yours to see',
  409: 'Conflicts with the current state',
  413: 'The request body is too large',
  415: 'The request body is not JSON',
  422: 'Well-formed, but breaks a rule',
  429: 'Too many requests; see Retry-After',
  503: 'A service this request needs is unavailable; retry shortly',
};

/** Declares error statuses, each answered as application/problem+json with the shared ProblemView. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemView),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_MEANINGS[status] ?? titleOf(status),
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  ) as MethodDecorator & ClassDecorator;
}

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The named schema of a page of `item` (pagination.ts's Page<T>): `XView` gives `XPageView`
 * `{ items: XView[], nextCursor: string | null }`. One class per item type, so the name is stable.
 */
export function PageOf(item: Type<unknown>): Type<unknown> {
  const known = pages.get(item);
  if (known) return known;
  class PageView {
    @ApiProperty({ type: item, isArray: true }) items: unknown[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' }) nextCursor: string | null;
  }
  Object.defineProperty(PageView, 'name', { value: `${item.name.replace(/View$/, '')}PageView` });
  pages.set(item, PageView);
  return PageView;
}

/** 200 with a `{ items, nextCursor }` page of `item`. */
export const ApiPage = (item: Type<unknown>, description = 'A page; follow nextCursor for the next one') =>
  ApiResponse({ status: 200, description, type: PageOf(item) });

/** 204: done, nothing to answer. */
export const ApiNoContent = (description = 'Done; no body') => ApiResponse({ status: 204, description });

/** A success whose body is a file (PDF, PNG, ...), not JSON. */
export const ApiBinary = (mediaType: string, description = 'The file', status = 200) =>
  ApiResponse({ status, description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });

/** A success whose body is text that is not JSON (CSV, a JWT, HTML, Prometheus metrics). */
export const ApiText = (mediaType: string, description = 'The text', status = 200) =>
  ApiResponse({ status, description, content: { [mediaType]: { schema: { type: 'string' } } } });

/**
 * One status answering several media types by negotiation (`?format=csv`, Accept: text/html):
 * a class is that JSON body's schema, 'text' and 'binary' are non-JSON bodies.
 */
export function ApiContent(status: number, content: Record<string, Type<unknown> | 'text' | 'binary'>, description = 'By content negotiation'): MethodDecorator & ClassDecorator {
  const models = Object.values(content).filter((value): value is Type<unknown> => typeof value === 'function');
  const schemaOf = (value: Type<unknown> | 'text' | 'binary') =>
    typeof value === 'function' ? { $ref: getSchemaPath(value) } : value === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' };
  return applyDecorators(
    ...(models.length ? [ApiExtraModels(...models)] : []),
    ApiResponse({ status, description, content: Object.fromEntries(Object.entries(content).map(([media, value]) => [media, { schema: schemaOf(value) }])) }),
  ) as MethodDecorator & ClassDecorator;
}
