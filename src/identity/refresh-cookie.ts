import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { requestCookie } from '@gds/http';

/** The browser session's refresh token. HttpOnly: no script of any page can read it. */
export const REFRESH_COOKIE = 'gds_refresh';

/**
 * The cookie goes only to the auth routes (`/api/v1` is API_PREFIX in src/platform/http-app.ts,
 * not imported here: that would import the whole app into identity).
 */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH } as const;

/** Lives as long as the refresh token it holds, so a reload (or a browser restart) can refresh. */
export function setRefreshCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(REFRESH_COOKIE, token, { ...ATTRIBUTES, maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, ATTRIBUTES);
}

/** The refresh token from the cookie, or undefined (absent, or too long to be one). */
export const RefreshCookie = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = requestCookie(context.switchToHttp().getRequest<FastifyRequest>(), REFRESH_COOKIE);
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
});
