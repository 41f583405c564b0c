import type * as markedModule from 'marked';
import type sanitizeHtmlFunction from 'sanitize-html';

/**
 * Lesson Markdown is stored exactly as the instructor wrote it and made safe here, on every render:
 * raw HTML in Markdown passes through `marked`, so the sanitiser (an allow-list) is what stops stored
 * XSS — scripts, event handlers, style, and any URL scheme other than http(s)/mailto.
 */
/**
 * A lesson is shown under the page's own h1 (the lesson title), so its headings start at h2: each
 * level moves down one (`# ` → h2, ..., h5 → h6; h6 stays h6), Markdown and raw HTML alike.
 */
function demotedHeadings(): Record<string, string> {
  return Object.fromEntries([1, 2, 3, 4, 5, 6].map((level) => [`h${level}`, `h${Math.min(level + 1, 6)}`]));
}

function sanitizeOptions(sanitizeHtml: typeof sanitizeHtmlFunction): sanitizeHtmlFunction.IOptions {
  const options: sanitizeHtmlFunction.IOptions = {
    allowedTags: [
      'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
      'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub', 'kbd',
    ],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'], code: ['class'] },
    allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }), ...demotedHeadings() },
  };
  options.allowedAttributes = { ...options.allowedAttributes, a: ['href', 'title', 'rel'] };
  return options;
}

interface Renderer {
  marked: markedModule.Marked;
  sanitizeHtml: typeof sanitizeHtmlFunction;
  options: sanitizeHtmlFunction.IOptions;
}

let renderer: Renderer | undefined;

/**
 * marked and sanitize-html (with htmlparser2, postcss) are required on the first render, or by
 * warmMarkdownRenderer() once the api listens, never while it starts (issue 23.6: start-up time).
 */
function markdownRenderer(): Renderer {
  if (!renderer) {
    /* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy; typed by the modules' own types */
    const { Marked } = require('marked') as typeof markedModule;
    const sanitizeHtml = require('sanitize-html') as typeof sanitizeHtmlFunction;
    /* eslint-enable @typescript-eslint/no-require-imports */
    renderer = { marked: new Marked({ gfm: true, breaks: false, async: false }), sanitizeHtml, options: sanitizeOptions(sanitizeHtml) };
  }
  return renderer;
}

/** Loads the renderer's libraries ahead of the first lesson read (main.ts, after listening). */
export function warmMarkdownRenderer(): void {
  markdownRenderer();
}

export function renderMarkdown(markdown: string | null): string | null {
  if (markdown === null) return null;
  const { marked, sanitizeHtml, options } = markdownRenderer();
  return sanitizeHtml(marked.parse(markdown) as string, options).trim();
}
