import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

// The budget for the first screen a person sees (sign-in, or home once signed in).
const BUDGET_BYTES = 130 * 1024;

/** Gzipped size of every script the page loads from now on (measured on the bodies, whatever encoding was sent). */
function watchScripts(page: Page): () => Promise<{ total: number; files: string[] }> {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') responses.push(response);
  });
  return async () => {
    let total = 0;
    const files: string[] = [];
    for (const response of responses) {
      const size = gzipSync(await response.body(), { level: 9 }).length;
      total += size;
      files.push(`${new URL(response.url()).pathname} ${(size / 1024).toFixed(1)} KB`);
    }
    return { total, files };
  };
}

test('the first screens load at most 130 KB of gzipped JavaScript; other screens are separate chunks', async ({ page, api }) => {
  const trainee = await api.registerTrainee('Budget Person');
  const scripts = watchScripts(page);
  await page.goto('/app/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const signIn = await scripts();
  expect(signIn.total, signIn.files.join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);

  await page.getByLabel('Email').fill(trainee.email);
  await page.getByLabel('Password').fill(trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Budget' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const home = await scripts();
  // Sign-in and home together (what a returning person's first visit loads) still fit.
  expect(home.total, home.files.join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);

  // Other screens are chunks of their own, fetched when first opened.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your learning' })).toBeVisible();
  const learning = await scripts();
  expect(learning.files.length, learning.files.join('\n')).toBeGreaterThan(home.files.length);
});

test('a repeat visit is served by the service worker, also offline; API answers are never cached', async ({ page, context }) => {
  await page.goto('/app/sign-in');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await context.setOffline(false);

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  expect(cached.some((url) => url.startsWith('/app/assets/'))).toBe(true);
  expect(cached.filter((url) => !url.startsWith('/app/'))).toEqual([]);
});

test('a repeat visit, online, takes every script and style from the service worker cache (only the page itself from the network)', async ({ page, context }) => {
  await page.goto('/app/sign-in');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).some((name) => name.startsWith('gds-app-')))).toBe(true);

  const files: { path: string; fromWorker: boolean }[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') files.push({ path: new URL(response.url()).pathname, fromWorker: response.fromServiceWorker() });
  });
  // What the worker itself fetches (Chromium reports its requests too): a cache hit fetches nothing.
  const fetchedByWorker: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) fetchedByWorker.push(new URL(request.url()).pathname);
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(files.length, 'the page loaded its scripts and styles').toBeGreaterThan(0);
  expect(files.filter((file) => !file.fromWorker).map((file) => file.path), 'not through the worker').toEqual([]);
  expect(fetchedByWorker.filter((path) => path.startsWith('/app/assets/')), 'fetched from the network by the worker').toEqual([]);
  expect(fetchedByWorker, 'the page itself: network first, so a new build shows at once').toContain('/app/sign-in');

  // The other screens' chunks were not downloaded with the first screen; the page asks for them later.
  const keptAssets = () => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).filter((r) => new URL(r.url).pathname.startsWith('/app/assets/')).length))).reduce((a, b) => a + b, 0));
  const firstScreen = await keptAssets();
  expect(firstScreen, 'only the first screen\'s files at install').toBeLessThanOrEqual(files.length);
  await page.evaluate(() => navigator.serviceWorker.controller?.postMessage('precache-rest'));
  await expect.poll(keptAssets, { timeout: 60_000 }).toBeGreaterThan(firstScreen + 5);
});
