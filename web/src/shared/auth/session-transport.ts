import createClient from 'openapi-fetch';
import type { paths } from '../api/schema.gen';
import { unwrap } from '../api/unwrap';
import { ProblemError } from '../api/problem';

/** What the session keeps: the access token (memory only) and when it stops working. */
export interface AccessGrant {
  accessToken: string;
  expiresAt: number;
}

/**
 * The session routes, through a client of their own (the main client's middleware calls the
 * session, which calls these). The only file that knows the session routes' paths and shapes.
 *
 * Interim: until the cookie-mode routes land, this holds the refresh token in memory (so a
 * reload signs out). The cookie-mode routes keep it in an HttpOnly cookie instead.
 */
const authClient = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
let refreshToken: string | undefined;

function grant(body: { accessToken: string; refreshToken?: string; expiresIn: number }): AccessGrant {
  if (body.refreshToken) refreshToken = body.refreshToken;
  return { accessToken: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 };
}

interface TokenBody {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export const sessionTransport = {
  async signIn(email: string, password: string): Promise<AccessGrant> {
    return grant(await unwrap<TokenBody>(authClient.POST('/api/v1/auth/login', { body: { email, password } }) as never));
  },

  /** A new access token, or null when the session is over (the refresh was refused). */
  async refresh(): Promise<AccessGrant | null> {
    if (!refreshToken) return null;
    try {
      return grant(await unwrap<TokenBody>(authClient.POST('/api/v1/auth/refresh', { body: { refreshToken } }) as never));
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 401 || error.status === 400)) return null;
      throw error;
    }
  },

  async signOut(accessToken: string | undefined): Promise<void> {
    if (!refreshToken || !accessToken) return;
    const token = refreshToken;
    refreshToken = undefined;
    await authClient.POST('/api/v1/auth/logout', { body: { refreshToken: token }, headers: { authorization: `Bearer ${accessToken}` } });
  },
};

export type SessionTransport = typeof sessionTransport;
