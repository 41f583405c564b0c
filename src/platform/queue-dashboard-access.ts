import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { requestCookie } from '@gds/http';

/** Where bull-board is mounted; its pages, assets and JSON API all live under it. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The dashboard's browser credential: the signed-in admin's own access token, set by an admin API
 * call (POST /api/v1/admin/queue-dashboard/session), HttpOnly (no script reads it), sent only to
 * the dashboard's path and only by pages of this site. It dies with the token: at its expiry, at
 * sign-out (the session check of every request), when the admin role is taken away.
 */
export const QUEUE_DASHBOARD_COOKIE = 'gds_queue_dashboard';

const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH } as const;

/** An access token is a few hundred characters; anything far longer is not one. */
const MAX_TOKEN_LENGTH = 4096;

export function setDashboardCookie(reply: FastifyReply, accessToken: string, expiresAt: Date): void {
  reply.setCookie(QUEUE_DASHBOARD_COOKIE, accessToken, { ...ATTRIBUTES, maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) });
}

export interface DashboardCredential {
  token: string;
  via: 'bearer' | 'cookie';
}

/** The bearer header wins (operators' tools); else the browser's dashboard cookie. */
export function dashboardCredential(request: FastifyRequest): DashboardCredential | undefined {
  const header = request.headers.authorization ?? '';
  if (header.startsWith('Bearer ')) return { token: header.slice(7), via: 'bearer' };
  const cookie = requestCookie(request, QUEUE_DASHBOARD_COOKIE);
  return typeof cookie === 'string' && cookie.length > 0 && cookie.length <= MAX_TOKEN_LENGTH ? { token: cookie, via: 'cookie' } : undefined;
}

/**
 * The dashboard's JSON API changes jobs (retry, clean, promote). SameSite=Strict keeps other sites'
 * requests from carrying the cookie, but not a sibling sub-domain's: a change made with the cookie
 * must come from a page of this very origin.
 */
export function isSameOriginChange(request: FastifyRequest, publicOrigin: string): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const site = request.headers['sec-fetch-site'];
  return request.headers.origin === publicOrigin && (site === undefined || site === 'same-origin');
}
