import { ProblemError, problemFrom, UnreachableError } from '../api/problem';

/** Who signed in, as the session routes answer it (no second call to /me to start). */
export interface SessionUser {
  id: string;
  displayName: string;
  roles: string[];
  language: string;
}

/** What the session keeps: the access token (memory only), when it stops working, and for whom. */
export interface AccessGrant {
  accessToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  /** Its whole life in ms (the session refreshes before its last part, whatever the server's TTL). */
  lifetimeMs: number;
  user: SessionUser;
}

/** The cookie-mode routes' answer (WebSessionView). */
interface WebSessionBody {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

// The cookie-mode routes refuse any call without this header (a cross-site form cannot send it).
const WEB_CLIENT_HEADERS = { 'x-gds-client': 'web', 'content-type': 'application/json' };

/**
 * The browser session routes (`/api/v1/auth/web/*`): the refresh token is an HttpOnly cookie the
 * browser sends to those paths only, so no script (ours included) ever holds it. The only file that
 * knows these routes' paths and shapes. Plain fetch rather than the typed client: the client's
 * middleware calls the session, which calls this, and these calls must not go through it again.
 */
async function post(path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: WEB_CLIENT_HEADERS, body: JSON.stringify(body ?? {}), cache: 'no-store' });
  } catch (error) {
    throw new UnreachableError(error);
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw problemFrom(parsed, response);
  return parsed;
}

function grantOf(body: WebSessionBody, now = Date.now()): AccessGrant {
  const lifetimeMs = body.expiresIn * 1000;
  return { accessToken: body.accessToken, expiresAt: now + lifetimeMs, lifetimeMs, user: body.user };
}

export const sessionTransport = {
  async signIn(email: string, password: string): Promise<AccessGrant> {
    return grantOf((await post('/api/v1/auth/web/login', { email, password })) as WebSessionBody);
  },

  /** A new access token from the refresh cookie, or null when this browser has no live session. */
  async refresh(): Promise<AccessGrant | null> {
    try {
      return grantOf((await post('/api/v1/auth/web/refresh')) as WebSessionBody);
    } catch (error) {
      // 401: no cookie, or its session ended (expired, signed out elsewhere, password changed).
      if (error instanceof ProblemError && error.status === 401) return null;
      throw error;
    }
  },

  /** Ends the cookie's session on the server (its access tokens, in every tab, stop working) and clears the cookie. */
  async signOut(): Promise<void> {
    await post('/api/v1/auth/web/logout');
  },
};

export type SessionTransport = typeof sessionTransport;
