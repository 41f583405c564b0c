import type { JSDOM } from 'jsdom';
import { DesignFinding, MAX_DESIGN_BYTES, RequiredSelector } from './design-check-types';
import { ShapeErrors } from './key-checks';

const MAX_SELECTORS = 50;
export const MAX_HTML_CHARS = 400_000;
export const MAX_CSS_CHARS = 100_000;

/** One empty document to check selector syntax with; nothing is ever loaded into it. */
let probe: JSDOM['window']['document'] | undefined;
// jsdom is loaded on the first design key checked, not with the module: most processes never check one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const probeDocument = () => (probe ??= new (require('jsdom') as { JSDOM: typeof JSDOM }).JSDOM('<!doctype html><html><body></body></html>').window.document);

/** `key.design`: the structure an instructor asks submitted HTML to have; a bad selector is a 422 now, not at grading. */
export function parseDesignKey(raw: unknown, errors: ShapeErrors): { requiredSelectors: RequiredSelector[] } | undefined {
  const design = errors.object(raw, 'key.design');
  if (!design) return undefined;
  errors.onlyKeys(design, ['requiredSelectors'], 'key.design');
  const list = design.requiredSelectors === undefined ? [] : errors.array(design.requiredSelectors, 'key.design.requiredSelectors', 0, MAX_SELECTORS);
  const requiredSelectors = list.map((r, i) => {
    const field = `key.design.requiredSelectors[${i}]`;
    const item = errors.object(r, field) ?? {};
    errors.onlyKeys(item, ['selector', 'message', 'min'], field);
    const selector = errors.text(item.selector, `${field}.selector`, 300);
    if (selector) {
      try {
        probeDocument().querySelectorAll(selector);
      } catch {
        errors.add(`${field}.selector`, 'is not a valid CSS selector');
      }
    }
    const message = errors.text(item.message, `${field}.message`, 500);
    const min = item.min === undefined ? undefined : errors.number(item.min, `${field}.min`, 1, 1000);
    if (min !== undefined && !Number.isInteger(min)) errors.add(`${field}.min`, 'must be an integer');
    return { selector, message, ...(min !== undefined ? { min } : {}) };
  });
  return { requiredSelectors };
}

/** `answer.html` / `answer.css`: optional texts, within the size the design checks accept. */
export function parseDesignAnswer(root: Record<string, unknown>, errors: ShapeErrors): { html?: string; css?: string } {
  const html = root.html === undefined ? undefined : errors.text(root.html, 'answer.html', MAX_HTML_CHARS);
  const css = root.css === undefined ? undefined : errors.text(root.css, 'answer.css', MAX_CSS_CHARS, 0);
  if (css !== undefined && html === undefined) errors.add('answer.css', 'needs answer.html');
  if (Buffer.byteLength(html ?? '') + Buffer.byteLength(css ?? '') > MAX_DESIGN_BYTES) errors.add('answer', `html and css together must be at most ${MAX_DESIGN_BYTES / 1024} KiB`);
  return { ...(html !== undefined ? { html } : {}), ...(css !== undefined ? { css } : {}) };
}

/** The machine's findings as the submission's feedback: structured, plus one line each. */
export function designFeedback(findings: DesignFinding[]): Record<string, unknown> {
  return {
    machine: { checkedAt: new Date().toISOString(), findings, passed: findings.length === 0 },
    lines: findings.map((f) => (f.kind === 'accessibility' ? `Accessibility: ${f.message}` : f.message)),
  };
}
