import type { Page } from '@playwright/test';
import { test, expect, checkScreen, WIDTHS } from './support/fixtures.ts';
import { buildEditorsWorld, type EditorsWorld } from './support/editors-world.ts';
import { ApiHelper } from './support/api-helper.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

let world: EditorsWorld;

test.beforeAll(async ({ playwright }) => {
  const context = await playwright.request.newContext({ baseURL: process.env.GDS_E2E_URL });
  world = await buildEditorsWorld(new ApiHelper(context, JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}')));
  await context.dispose();
});

/** Signs in on a phone-wide page and opens one assessment of the world's course through the app. */
async function openAssessment(page: Page, title: string): Promise<void> {
  await page.setViewportSize(WIDTHS.phone);
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(world.trainee.email);
  await page.getByLabel('Password').fill(world.trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Omar' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
  await page.getByRole('link', { name: world.courseTitle }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
}

test('a timed quiz shows the time left and submits by itself at zero (the page clock moved, no waiting)', async ({ page }) => {
  // The page's own clock, run forward on purpose: the server keeps real time, so the answer it gets
  // comes well inside the attempt's 5 minutes, exactly as an answer sent 5 s before the end does.
  await page.clock.install();
  await openAssessment(page, world.timedQuiz.title);
  await expect(page.getByText('You have 5 minutes from the moment you start.', { exact: false })).toBeVisible();
  await checkScreen(page, 'assessment-timed-quiz-start');
  await page.getByRole('button', { name: 'Start the attempt' }).click();

  const timer = page.locator('.time-left');
  await expect(timer).toContainText('Time left');
  await expect(timer.locator('.time-left-clock')).toHaveText(/^0[45]:[0-5]\d$/);
  await expect(timer).toContainText('about 5 minutes');
  // The option's label is what a finger taps (the round mark drawn over the input takes the tap).
  await page.getByText('22', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '22' })).toBeChecked();
  await checkScreen(page, 'assessment-timed-quiz-running');

  await page.clock.fastForward('04:00');
  await expect(timer.locator('.time-left-clock')).toHaveText(/^00:[0-5]\d$/);
  await expect(page.getByRole('status').filter({ hasText: 'One minute left.' })).toBeAttached();
  await page.clock.fastForward('01:00');

  await expect(page).toHaveURL(/\/app\/submissions\//);
  await expect(page.getByRole('heading', { level: 1, name: `Submission: ${world.timedQuiz.title}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Passed' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Question 1: right (points: 1 of 1)')).toBeVisible();
  await checkScreen(page, 'submission-timed-quiz-auto');
});

test('a flag challenge: a hint revealed at its cost (after a confirmation), the flag found and submitted', async ({ page }) => {
  await openAssessment(page, world.flag.title);
  await checkScreen(page, 'assessment-flag');
  await page.getByRole('button', { name: 'Reveal hint 1 (costs 10 points)' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Reveal hint 1?' });
  await expect(dialog.getByText('It costs 10 points, taken from your score on every later submission of this challenge.')).toBeVisible();
  await checkScreen(page, 'assessment-flag-hint-dialog');
  await dialog.getByRole('button', { name: 'Reveal it' }).click();
  await expect(page.getByText('Filter on dns.qry.name and look at the newest domain.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Reveal hint 1/ })).toHaveCount(0);

  await page.getByLabel('Flag: Flag in the DNS query').fill(world.flag.value);
  await checkScreen(page, 'assessment-flag-hint-revealed');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/\/app\/submissions\//);
  await expect(page.getByRole('status').filter({ hasText: 'Passed' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Flag in the DNS query: found (points: 100)')).toBeVisible();
  await expect(page.getByText('Points taken off for hints or lateness: 10.')).toBeVisible();
  await checkScreen(page, 'submission-flag-graded');
});

test('a configuration review: Check shows the failing rule without using an attempt, the fixed document is submitted and passes', async ({ page, api }) => {
  await openAssessment(page, world.config.title);
  const editor = page.getByRole('textbox', { name: 'Your configuration (YAML or JSON)' });
  await expect(page.locator('.cm-editor')).toBeVisible();
  await editor.click();
  await page.keyboard.type('owner: reporting\npublic: true');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('1 of 2 checks pass.')).toBeVisible();
  await expect(page.getByText('Keep the bucket private.')).toBeVisible();
  await checkScreen(page, 'assessment-config-checked');
  const token = await api.tokenOf(world.trainee.email, world.trainee.password);
  expect((await api.call('GET', `/api/v1/assessments/${world.config.id}`, token)).attemptsUsed, 'a check uses no attempt').toBe(0);

  // Typed with key presses, as a person does (see typeInto in assessment-journey.e2e.ts for why not fill()).
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('owner: reporting\npublic: false');
  await expect(editor).toHaveText(/public: false/);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('2 of 2 checks pass.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/\/app\/submissions\//);
  await expect(page.getByRole('status').filter({ hasText: 'Passed' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Score: 10 of 10')).toBeVisible();
  await checkScreen(page, 'submission-config-graded');
});

test('a design task: the rubric shown, a report and a link submitted, then waiting for an instructor', async ({ page }) => {
  await openAssessment(page, world.design.title);
  await expect(page.getByText('The flow covers errors and empty states')).toBeVisible();
  await page.getByLabel('Your report').fill('Three moderated tests: two of three booked leave unaided; the date picker was the top issue, now a plain field.');
  await page.getByLabel('Links (one per line)').fill('https://design.example/prototypes/leave-booking');
  await checkScreen(page, 'assessment-design');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/\/app\/submissions\//);
  await expect(page.getByText('An instructor grades this one; you will be notified when it is done.')).toBeVisible({ timeout: 60_000 });
  await checkScreen(page, 'submission-design-awaiting-review');
});
