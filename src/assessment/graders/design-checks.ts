import type axeCore from 'axe-core';
import { Parser } from 'htmlparser2';
import type * as jsdomModule from 'jsdom';
import { DesignCheckInput, DesignFinding, MAX_DESIGN_BYTES, RequiredSelector } from './design-check-types';

export type { DesignCheckInput, DesignFinding, RequiredSelector } from './design-check-types';

/**
 * Caps on the page's shape, checked by a streaming tokenizer before any DOM is built. Measured on
 * this project's 2-core machine: axe over 2,000 elements takes about 5 s; each frame is a whole
 * window in jsdom (400 empty iframes took 7-16 s); 3,000 nested elements overflow axe's recursion.
 */
export const DESIGN_LIMITS = { elements: 2000, depth: 256, frames: 10 };
const FRAME_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'fencedframe']);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Every way a window could reach the network; removed before any script (axe) runs in it. */
const NETWORK_GLOBALS = ['XMLHttpRequest', 'fetch', 'WebSocket', 'EventSource', 'Request', 'Worker', 'SharedWorker'];

/** jsdom and axe-core, loaded once on first use. */
export interface DesignLibraries {
  JSDOM: typeof jsdomModule.JSDOM;
  VirtualConsole: typeof jsdomModule.VirtualConsole;
  axe: typeof axeCore;
}
let libraries: DesignLibraries | undefined;

/**
 * Loads jsdom and axe-core on first use, not when this file is imported: together they were about a
 * third of the api's module loading at start (issue 23.6), and the api needs jsdom only to validate a
 * design key's selectors. A design-check thread calls this before it reports ready.
 */
export function designLibraries(): DesignLibraries {
  if (!libraries) {
    /* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy; typed by the modules' own types */
    const jsdom = require('jsdom') as typeof jsdomModule;
    const axe = require('axe-core') as typeof axeCore;
    /* eslint-enable @typescript-eslint/no-require-imports */
    libraries = { JSDOM: jsdom.JSDOM, VirtualConsole: jsdom.VirtualConsole, axe };
  }
  return libraries;
}

/** The page's shape (element count, nesting, frames) against DESIGN_LIMITS: a message, or undefined. */
export function measurePage(html: string): string | undefined {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let frames = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        elements++;
        if (FRAME_TAGS.has(name)) frames++;
        if (!VOID_TAGS.has(name)) deepest = Math.max(deepest, ++depth);
      },
      onclosetag(name) {
        if (!VOID_TAGS.has(name)) depth = Math.max(0, depth - 1);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  if (deepest > DESIGN_LIMITS.depth) return `The page nests elements deeper than ${DESIGN_LIMITS.depth} levels.`;
  if (frames > DESIGN_LIMITS.frames) return `The page has more than ${DESIGN_LIMITS.frames} frames, objects or embeds (${frames}).`;
  if (elements > DESIGN_LIMITS.elements) return `The page has more than ${DESIGN_LIMITS.elements} elements (${elements}); the checks accept pages up to that size.`;
  return undefined;
}

/**
 * Machine feedback on submitted HTML/CSS before an instructor grades it: the structure the
 * instructor asks for (CSS selectors) and accessibility violations (axe-core, WCAG 2 A/AA). Runs in
 * a design-check worker thread only (DesignCheckPool), never on the app's event loop. The page is
 * parsed by jsdom with scripts never executed and no resource loaded; the window has no network
 * APIs, and axe runs with `preload: false`, so nothing (no http:, no file: URL) is ever fetched.
 */
export async function checkDesignInThisThread(input: DesignCheckInput): Promise<DesignFinding[]> {
  const size = Buffer.byteLength(input.html) + Buffer.byteLength(input.css ?? '');
  if (size > MAX_DESIGN_BYTES) return [{ kind: 'input', message: `The submission is larger than ${MAX_DESIGN_BYTES / 1024} KiB.` }];
  const refused = measurePage(input.html) ?? (input.css ? measurePage(`<style>${input.css}</style>`) : undefined);
  if (refused) return [{ kind: 'input', message: refused }];
  const { JSDOM, VirtualConsole, axe } = designLibraries();
  const dom = new JSDOM(input.html, { runScripts: 'outside-only', virtualConsole: new VirtualConsole(), url: 'https://submission.invalid/' });
  const { window } = dom;
  try {
    for (const name of NETWORK_GLOBALS) delete (window as unknown as Record<string, unknown>)[name];
    if (input.css) {
      const style = window.document.createElement('style');
      style.textContent = input.css;
      window.document.head.appendChild(style);
    }
    const findings = structureFindings(window.document, input.requiredSelectors);
    window.eval(axe.source);
    const axeInWindow = (window as unknown as { axe: typeof axe }).axe;
    const result = await axeInWindow.run(window.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
      // Never fetch stylesheets (@import, <link>) to build the CSSOM: that is how a page made us fetch URLs.
      preload: false,
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

function structureFindings(document: { querySelectorAll(selector: string): { length: number } }, requiredSelectors: RequiredSelector[]): DesignFinding[] {
  const findings: DesignFinding[] = [];
  for (const required of requiredSelectors) {
    let count = 0;
    try {
      count = document.querySelectorAll(required.selector).length;
    } catch {
      findings.push({ kind: 'input', message: `The check "${required.selector}" is not a valid selector.` });
      continue;
    }
    if (count < (required.min ?? 1)) findings.push({ kind: 'structure', message: required.message });
  }
  return findings;
}
