/**
 * The one-time token of an emailed link (`/app/accept-invitation#token=...`). It travels in the
 * fragment, which browsers never send to a server or in a Referer, and is wiped from the address
 * bar once read so it does not stay in history.
 */
export function takeHashToken(location: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location, history: Pick<History, 'replaceState'> = window.history): string | undefined {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? undefined;
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}
