import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { buildCohortWorld, dashboardMetrics, insertTrainees, ReportingFakes } from './support/reporting-builders';
import { chromiumPath } from './support/chromium';

const ARTIFACTS = join(__dirname, '..', 'test-artifacts');

describe('reporting: the cohort dashboard in a real browser', () => {
  const fakes = new ReportingFakes();
  let t: TestApp;
  let browser: Browser;
  let reviewer: TestPerson;
  let cohortId: string;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: fakes.overrides(), env: { REPORT_SNAPSHOT_MAX_AGE_SECONDS: '0' } });
    const admin = await loginAdmin(t.api);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const trainees = await insertTrainees(t.dataSource, 50, 5);
    cohortId = buildCohortWorld(fakes, { name: 'Pilot cohort 2026', traineeIds: trainees, seed: 2026 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows a reviewer, without JavaScript, the same numbers as the JSON report, and charts', async () => {
    const json = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
    // The reviewer asks for a signed link and opens it in a plain browser, scripts off.
    const link = (await t.api.post(`/api/v1/reports/cohorts/${cohortId}/dashboard-link`, undefined, reviewer.token)).body;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(link.url.replace(t.config.PUBLIC_BASE_URL, t.url));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Pilot cohort 2026: outcomes');
    const shown: Record<string, string> = await page.$$eval('[data-metric]', (cells) =>
      Object.fromEntries(cells.map((c) => [c.getAttribute('data-metric')!, (c.textContent ?? '').trim()])),
    );
    const expected = dashboardMetrics(json);
    expect(Object.keys(expected).length).toBeGreaterThan(30);
    for (const [metric, value] of Object.entries(expected)) expect({ metric, value: shown[metric] }).toEqual({ metric, value });
    await expect(page.locator('svg').count()).resolves.toBe(4);
    await expect(page.locator('svg title').allTextContents()).resolves.toEqual([
      'Application to certificate funnel',
      'Completion rate by track',
      'Skills heat map',
      'Weekly active trainees',
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'reporting-dashboard.png'), fullPage: true });
    await context.close();
  });

  it('also opens for a client that sends the bearer header', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${reviewer.token}` } });
    const page = await context.newPage();
    expect((await page.goto(`${t.url}/dashboards/cohorts/${cohortId}`))?.status()).toBe(200);
    await context.close();
  });

  it('refuses a browser without a token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${t.url}/dashboards/cohorts/${cohortId}`);
    expect(response?.status()).toBe(401);
    await context.close();
  });
});
