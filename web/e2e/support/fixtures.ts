import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults, RunOptions } from 'axe-core';
import { ApiHelper } from './api-helper.ts';

// The axe-core that @axe-core/playwright itself injects (its dependency, resolved from it).
const require = createRequire(import.meta.url);
const AXE_SOURCE: string = createRequire(require.resolve('@axe-core/playwright'))('axe-core').source;

const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  // Only violations are asserted on: with resultTypes axe still runs every rule on every node and reports each
  // violating node, but keeps one node per passing, incomplete or inapplicable rule (less to gather and send back).
  resultTypes: ['violations'],
};

/**
 * axe's results for the page as it is now. AxeBuilder.analyze() injects axe-core afresh and opens a
 * blank page to merge the frames' partial results (axe.finishRun) on every call: about half of a
 * check's time. A page without frames has nothing to merge, and axe.run in the page itself gives the
 * same results (runPartial + finishRun is axe's split of run for frames), so such a page gets axe
 * injected once per document (kept across the app's client-side navigations) and run in place. A page
 * with a frame (the submission preview) goes through AxeBuilder as before, frames included.
 */
async function axeResults(page: Page): Promise<AxeResults> {
  const viaBuilder = () => new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
  if (page.frames().length > 1) return viaBuilder();
  type AxeWindow = { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } };
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  // iframes: false only spares axe from waiting on a frame that appeared meanwhile; such a page is checked again through AxeBuilder.
  const results = await page.evaluate((options) => (window as AxeWindow).axe!.run(document, options), { ...AXE_OPTIONS, iframes: false });
  return page.frames().length > 1 ? viaBuilder() : results;
}

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-artifacts/screenshots');
export const WIDTHS = { phone: { width: 360, height: 720 }, desktop: { width: 1280, height: 800 } } as const;

/**
 * Checks the screen now shown at 360 px and 1280 px wide: zero serious or critical axe
 * violations, a single h1, then a full-page screenshot of each width into
 * test-artifacts/screenshots/<name>-<width>.png. Leaves the page at the width it found.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const results = await axeResults(page);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${name} at ${size.width}px`).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}-${size.width}.png`), fullPage: true, caret: 'initial' });
  }
  if (original) await page.setViewportSize(original);
}

interface Fixtures {
  api: ApiHelper;
  /** Console errors and CSP violations seen by the page: a test ends with none. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => use(process.env.GDS_E2E_URL),
  api: async ({ playwright }, use) => {
    const context = await playwright.request.newContext({ baseURL: process.env.GDS_E2E_URL });
    await use(new ApiHelper(context, JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}')));
    await context.dispose();
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        // Expected refusals (400/401/403/404/409/422 answers the screen shows) and a test's own offline switch are not problems.
        if (message.type() === 'error' && !/status of 4(00|01|03|04|09|22)|ERR_INTERNET_DISCONNECTED/.test(message.text())) problems.push(`${message.text()} at ${page.url()} (${message.location().url}:${message.location().lineNumber})`);
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await use(problems);
      expect(problems, 'console errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
