import { type SignInSearch, validateSignInSearch } from '../features/auth/sign-in-search';

/** Where the app is served (vite.config.ts `base`, the router's basepath). */
export const APP_BASE = '/app';

const JSON_START = /^(?:\s|["[{\d-]|fa|nu|tr)/;

/** A query string read the way the router's default search parser reads it (values that are JSON are parsed). */
export function parseSearch(search: string): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, text] of new URLSearchParams(search)) {
    let value: unknown = text;
    if (text === 'true' || text === 'false') value = text === 'true';
    else if (JSON_START.test(text)) {
      try {
        value = JSON.parse(text);
      } catch {
        // Not JSON: the text itself.
      }
    }
    const previous = query[key];
    query[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

/**
 * The sign-in screen's search when the page opens on the sign-in screen, else undefined. Then the
 * screen shows on its own, without the router (about 23 KB of brotli, a second on a slow phone:
 * issue 14), and the full app takes over when the person signs in or follows a link (handover.ts).
 */
export function signInSearchAt(location: { pathname: string; search: string }): SignInSearch | undefined {
  const path = location.pathname.replace(/\/+$/, '');
  if (path !== `${APP_BASE}/sign-in`) return undefined;
  return validateSignInSearch(parseSearch(location.search));
}

/**
 * What the page starts with: the sign-in screen on its own on the sign-in path, and also on the
 * app's root (home) when this browser holds no session, where the router would send the person to
 * the sign-in screen at once — so the usual first visit (http://host/ → /app/) needs no router
 * either; with nothing to come back to, the sign-in goes home as the router's would. Undefined: the
 * full app.
 */
export function startScreenSearch(location: { pathname: string; search: string }, mayBeSignedIn: boolean): SignInSearch | undefined {
  const atSignIn = signInSearchAt(location);
  if (atSignIn || mayBeSignedIn) return atSignIn;
  // A deep link into home (a search) goes through the router, which keeps it for after the sign-in.
  return location.pathname.replace(/\/+$/, '') === APP_BASE && location.search === '' ? validateSignInSearch({}) : undefined;
}
