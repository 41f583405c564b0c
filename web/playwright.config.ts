import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/support/chromium.ts';

/**
 * Browser tests against the real built app (server and web), its own database and queue prefix
 * (e2e/support/global-setup.ts), in Debian's Chromium: Playwright never downloads a browser here.
 * One worker: the machine is small and the tests share one app.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: '../test-artifacts/web/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
});
