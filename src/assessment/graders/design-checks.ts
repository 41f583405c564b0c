import axe from 'axe-core';
import { JSDOM, VirtualConsole } from 'jsdom';

export interface RequiredSelector {
  selector: string;
  /** Shown to the trainee when the selector matches nothing. */
  message: string;
  /** At least this many matches (default 1). */
  min?: number;
}

export interface DesignFinding {
  kind: 'structure' | 'accessibility' | 'input';
  message: string;
  impact?: string;
}

export const MAX_DESIGN_BYTES = 512 * 1024;

/**
 * Machine feedback on submitted HTML/CSS before an instructor grades it: the structure the
 * instructor asks for (CSS selectors) and accessibility violations (axe-core, WCAG 2 A/AA).
 * The page is parsed by jsdom with scripts never executed and no resource ever fetched: only our own
 * axe source is evaluated in the window ('outside-only').
 */
export async function checkDesign(input: { html: string; css?: string; requiredSelectors: RequiredSelector[] }): Promise<DesignFinding[]> {
  const size = Buffer.byteLength(input.html) + Buffer.byteLength(input.css ?? '');
  if (size > MAX_DESIGN_BYTES) return [{ kind: 'input', message: `The submission is larger than ${MAX_DESIGN_BYTES / 1024} KiB.` }];
  const dom = new JSDOM(input.html, { runScripts: 'outside-only', virtualConsole: new VirtualConsole(), url: 'https://submission.invalid/' });
  const { window } = dom;
  try {
    if (input.css) {
      const style = window.document.createElement('style');
      style.textContent = input.css;
      window.document.head.appendChild(style);
    }
    const findings: DesignFinding[] = [];
    for (const required of input.requiredSelectors) {
      let count = 0;
      try {
        count = window.document.querySelectorAll(required.selector).length;
      } catch {
        findings.push({ kind: 'input', message: `The check "${required.selector}" is not a valid selector.` });
        continue;
      }
      if (count < (required.min ?? 1)) findings.push({ kind: 'structure', message: required.message });
    }
    window.eval(axe.source);
    const axeInWindow = (window as unknown as { axe: typeof axe }).axe;
    const result = await axeInWindow.run(window.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
      // Colour contrast needs layout that jsdom does not compute.
      rules: { 'color-contrast': { enabled: false } },
    });
    for (const violation of result.violations) {
      findings.push({
        kind: 'accessibility',
        impact: violation.impact ?? undefined,
        message: `${violation.help} (${violation.id}, ${violation.nodes.length} element${violation.nodes.length === 1 ? '' : 's'})`,
      });
    }
    return findings;
  } finally {
    window.close();
  }
}
