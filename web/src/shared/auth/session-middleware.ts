import type { Middleware } from 'openapi-fetch';
import type { Session } from './session';

/**
 * Adds the access token to every request; a 401 refreshes the session once (one refresh however
 * many requests failed together) and repeats the request with the new token. A second 401, or a
 * refused refresh, is left to the screen (the session is then signed out and says so).
 */
export function sessionMiddleware(session: Session): Middleware {
  const pending = new Map<string, { copy: Request; token: string }>();
  return {
    async onRequest({ request, id }) {
      let token = session.accessToken();
      if (token && session.expiresSoon()) token = (await session.refresh(token).catch(() => token)) ?? undefined;
      if (!token) return undefined;
      request.headers.set('authorization', `Bearer ${token}`);
      pending.set(id, { copy: request.clone(), token });
      return request;
    },
    async onResponse({ response, id }) {
      const sent = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !sent) return undefined;
      const fresh = await session.refresh(sent.token);
      // Never the same request with the token it was just refused with: it would only be refused again.
      if (!fresh || fresh === sent.token) return undefined;
      sent.copy.headers.set('authorization', `Bearer ${fresh}`);
      return fetch(sent.copy);
    },
    onError({ id }) {
      pending.delete(id);
    },
  };
}
