import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

/**
 * A cookie of the request, or undefined. The api registers @fastify/cookie without its parsing hook
 * (src/platform/http-app.ts), so `request.cookies` is filled only once the reply has set a cookie:
 * the few routes that read one parse the Cookie header here (with the plugin's parser) instead of
 * every request paying for it.
 */
export function requestCookie(request: FastifyRequest, name: string): string | undefined {
  if (request.cookies) return request.cookies[name];
  const header = request.headers.cookie;
  return header ? request.server.parseCookie(header)[name] : undefined;
}
