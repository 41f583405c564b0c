import type { OpenAPIObject } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE } from './api-responses.decorators';
import { ProblemView } from './problem.view';

/**
 * Problems the platform answers for an operation whatever its handler does, so no controller has
 * to repeat them: a body that is malformed, not JSON, too large or not wanted
 * (RejectUnexpectedBodyGuard) on methods that carry one; a path parameter that names nothing
 * (UuidParam) or is too long; and a database or Redis outage (ProblemDetailsFilter). An operation's
 * own declaration of the same status wins.
 */
const COMMON: Array<{ status: number; description: string; applies: (method: string, hasPathParameter: boolean) => boolean }> = [
  // Any route: a GET carrying a body, or malformed query parameters, is refused as well.
  { status: 400, description: 'The request is malformed, has invalid or unknown fields, or has a body this route does not take', applies: () => true },
  { status: 404, description: 'Absent, or not yours to see', applies: (_, path) => path },
  { status: 413, description: 'The request body is too large', applies: (m) => m !== 'get' },
  { status: 414, description: 'A path segment is too long', applies: (_, path) => path },
  { status: 415, description: 'The request body is not JSON', applies: (m) => m !== 'get' },
  { status: 431, description: 'The request line or headers are too large', applies: () => true },
  { status: 503, description: 'A service this request needs is unavailable; retry shortly', applies: () => true },
];

export function declareCommonProblems(document: OpenAPIObject): OpenAPIObject {
  const content = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const hasPathParameter = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path');
      for (const common of COMMON) {
        if (common.applies(method, hasPathParameter)) operation.responses[common.status] ??= { description: common.description, content };
      }
    }
  }
  return document;
}
