// Long enough for a slow phone to sign in and load home; short enough that a first visit's later
// screens are kept for offline use.
const PRECACHE_REST_AFTER_MS = 20_000;

/** Repeat visits load the app's files from the service worker's cache (production builds only). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
    // The other screens' files are kept for offline use once the first screen has had the link to
    // itself (sign-in, then home's requests): the worker fetches them one by one from then on.
    void navigator.serviceWorker.ready.then((registration) => {
      setTimeout(() => registration.active?.postMessage('precache-rest'), PRECACHE_REST_AFTER_MS);
    });
  });
}
