/**
 * The two <style> elements React Aria adds at run time (usePress: touch-action on pressable elements;
 * usePreventScroll: overscroll containment under a modal), allowed by their hashes rather than by
 * 'unsafe-inline'. A React Aria upgrade that changes them shows as a CSP violation in the browser
 * tests (they fail on any console error); recompute with sha256 over the element's text.
 */
const REACT_ARIA_STYLES = ["'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='", "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='"];

/**
 * The Content-Security-Policy of the web application's pages: scripts, styles and connections only
 * from this origin (no inline script, no eval). Styles set from script (element.style, as React does)
 * are not inline styles and need no exception. The dashboards and Swagger UI keep their own policies.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_STYLES.join(' ')}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self' https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
