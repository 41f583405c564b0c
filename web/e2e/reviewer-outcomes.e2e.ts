import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { buildOutcomesWorld } from './support/outcomes-world.ts';
import { buildLearningWorld } from './support/learning-world.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

/** Reads a figure of the JSON report by the path the screen tags its cell with (e.g. `tracks.0.figures.completed`). */
function at(report: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], report);
}

/** How the screen must write a figure in English: the value, "Suppressed" (with its reason) for a withheld one, "–" for nothing to compute. */
function expectedText(value: unknown, kind: string): RegExp {
  if (value === null) return /^(Suppressed|–)/;
  if (typeof value !== 'number') throw new Error(`not a figure: ${JSON.stringify(value)}`);
  if (kind === 'rate') return new RegExp(`^${Math.round(value * 100)}%$`);
  if (kind === 'number') return new RegExp(`^${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value).replace('.', '\\.')}$`);
  return new RegExp(`^${new Intl.NumberFormat('en-US').format(value)}$`);
}

/** Every tagged figure on screen equals the JSON report's figure at its path; returns how many were compared. */
async function compareWithReport(page: Page, report: unknown): Promise<number> {
  const cells = await page.locator('[data-metric]').evaluateAll((nodes) =>
    nodes.map((node) => ({ path: node.getAttribute('data-metric')!, kind: node.getAttribute('data-kind')!, text: (node.textContent ?? '').trim(), reason: node.getAttribute('data-reason') })),
  );
  for (const cell of cells) {
    const value = at(report, cell.path);
    if (cell.kind === 'reason') {
      expect(cell.reason, cell.path).toBe((value as { reason: string }).reason);
      continue;
    }
    expect(value, `${cell.path} is in the report`).not.toBeUndefined();
    expect(cell.text, `${cell.path} (${JSON.stringify(value)})`).toMatch(expectedText(value, cell.kind));
  }
  return cells.length;
}

test('a reviewer reads a cohort’s outcomes, the figures equal the JSON report, downloads the CSV and prints', async ({ page, api }) => {
  const { world, reviewer, trainees } = await buildOutcomesWorld(api, 6, 3);
  const reviewerToken = await api.tokenOf(reviewer.email, reviewer.password);

  await test.step('sign in; Outcomes is in the reviewer’s navigation', async () => {
    await page.goto('/app/sign-in');
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill(reviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeFocused();
  });

  await test.step('across cohorts: each cohort’s headline and the pooled figures equal the JSON report', async () => {
    await expect(page.getByRole('link', { name: world.cohortName })).toBeVisible();
    const report = await api.call('GET', '/api/v1/reports/outcomes', reviewerToken);
    expect(await compareWithReport(page, report)).toBeGreaterThan(15);
    await checkScreen(page, 'reviewer-outcomes');
  });

  await test.step('one cohort: charts with their tables, suppressed cells explained, every figure equal to the JSON', async () => {
    await page.getByRole('link', { name: world.cohortName }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${world.cohortName}: outcomes` })).toBeFocused();
    const report = await api.call('GET', `/api/v1/reports/cohorts/${world.cohortId}/outcomes`, reviewerToken);
    expect(report.funnel.enrolled).toBe(6);
    expect(await compareWithReport(page, report)).toBeGreaterThan(40);
    // Six trainees, three passing, k = 5: some figures must be withheld, and the screen says so and why.
    await expect(page.locator('td.figure-suppressed').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Why some figures are suppressed' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Trainees at each stage\. Applied: 6; Accepted: 6; Enrolled: 6/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Trainees at each stage' })).toBeVisible();
    await checkScreen(page, 'reviewer-cohort-outcomes');
  });

  await test.step('the CSV download is the server’s export of the same report', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`cohort-${world.cohortId}-outcomes.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\n')[0].trim()).toBe('section,group,metric,value');
    expect(csv).toContain('funnel,,enrolled,6');
    expect(csv).toContain('suppressed');
  });

  await test.step('the printable view keeps the report and drops navigation and buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Download CSV' })).toBeHidden();
    await expect(page.getByRole('table', { name: 'Figures by track' })).toBeVisible();
    await page.screenshot({ path: '../test-artifacts/screenshots/reviewer-cohort-outcomes-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('keyboard only: from the heading, Tab reaches the CSV button and Enter downloads', async () => {
    await page.getByRole('heading', { level: 1 }).focus();
    const download = page.waitForEvent('download');
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.getByRole('button', { name: 'Download CSV' }).evaluate((el) => el === document.activeElement)) break;
    }
    await expect(page.getByRole('button', { name: 'Download CSV' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toContain('outcomes.csv');
  });

  await test.step('a trainee’s page by URL: the app says not available, the API refuses', async () => {
    await page.goto(`/app/admin/people/${trainees[0].id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('This page is not available')).toBeVisible();
    await expect((await api.request.get(`/api/v1/users/${trainees[0].id}`, { headers: { authorization: `Bearer ${reviewerToken}` } })).status()).toBe(403);
  });
});

test('a trainee opening the outcomes by URL is told it is not available, and the API refuses', async ({ page, api }) => {
  const trainee = await api.registerTrainee('Curious Trainee');
  await page.goto('/app/sign-in?redirect=%2Fapp%2Foutcomes');
  await page.getByLabel('Email').fill(trainee.email);
  await page.getByLabel('Password').fill(trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outcomes' })).toHaveCount(0);
  const token = await api.tokenOf(trainee.email, trainee.password);
  expect((await api.request.get('/api/v1/reports/outcomes', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(403);
});

test('a reviewer who reads Spanish gets the outcome screens in Spanish (their catalogue loads with the branch)', async ({ page, api }) => {
  await buildLearningWorld(api);
  const admin = await api.asAdmin();
  const email = `revisora-${Date.now()}@gds.test`;
  const password = 'reviewer-password-1';
  await api.call('POST', '/api/v1/users', admin, { email, displayName: 'Rosa Revisora', roles: ['reviewer'], password, language: 'es' });
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Resultados' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultados' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Por qué se suprimen algunas cifras' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Descargar CSV' })).toBeVisible();
  await checkScreen(page, 'reviewer-outcomes-es');
});
