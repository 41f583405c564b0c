/**
 * The policy of a submitted page shown to its reviewer. `sandbox` (no allow-scripts, no same-origin)
 * makes the document an opaque origin that runs no script, submits no form and opens nothing;
 * `default-src 'none'` loads nothing from anywhere; only the page's own inline styles and data:
 * images apply. It may be framed by this origin only (the web app's review screen).
 */
export const SUBMISSION_PREVIEW_CSP = [
  'sandbox',
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The submitted HTML with the submitted CSS as a `<style>` element at the end of its head (or at
 * the start when it has none), so the page looks as its author built it. A `</style` inside the CSS
 * is broken up so the stylesheet cannot end early and turn the rest into markup.
 */
export function submissionPreviewPage(html: string, css: string | undefined): string {
  if (!css) return html;
  const style = `<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>`;
  const headEnd = html.search(/<\/head\s*>/i);
  return headEnd >= 0 ? `${html.slice(0, headEnd)}${style}${html.slice(headEnd)}` : `${style}${html}`;
}
