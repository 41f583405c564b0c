/**
 * The Content-Security-Policy of the web application's pages: scripts, styles and connections only
 * from this origin (no inline script, no eval). Styles set from script (element.style, as React does)
 * are not inline styles and need no exception. The dashboards and Swagger UI keep their own policies.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
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
