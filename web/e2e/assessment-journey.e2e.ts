import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen, WIDTHS } from './support/fixtures.ts';
import { buildAssessmentWorld, CALLS_QUERY, type AssessmentWorld } from './support/assessment-world.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(420_000);

/** Presses Tab (or Shift+Tab) until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/**
 * Types into the code editor with key presses, as a person does. (Playwright's fill() inserts
 * through the browser's own editing command, which may write style attributes into the
 * contenteditable before CodeMirror redraws it: a CSP violation no person's typing causes.)
 */
async function typeInto(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await expect(editor).toHaveText(text);
}

/**
 * Until the cookie-mode session routes land, a reload signs out (the access token lives in memory
 * only): sign in again and go back to the exercise through the app, as a person would. The draft
 * must survive that too. Once sessions survive reloads, this does nothing.
 */
async function signInAgainIfAsked(page: Page, world: AssessmentWorld): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(new RegExp(`^(Sign in|${world.sql.title})$`));
  if ((await heading.textContent()) !== 'Sign in') return;
  await page.getByLabel('Email').fill(world.trainee.email);
  await page.getByLabel('Password').fill(world.trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(heading).not.toHaveText('Sign in');
  if ((await heading.textContent()) === world.sql.title) return;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
  await page.getByRole('link', { name: world.courseTitle }).click();
  await page.getByRole('link', { name: world.sql.title }).click();
  await expect(heading).toHaveText(world.sql.title);
}

test('on a phone: a quiz taken with the keyboard alone, an SQL exercise run, restored after a reload, submitted and graded', async ({ page, api }) => {
  const world = await buildAssessmentWorld(api);
  await page.setViewportSize(WIDTHS.phone);
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(world.trainee.email);
  await page.getByLabel('Password').fill(world.trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Rosa' })).toBeVisible();

  await test.step('the quiz, with the keyboard alone', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
    await page.getByRole('link', { name: world.courseTitle }).click();
    await page.getByRole('link', { name: world.quiz.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.quiz.title })).toBeFocused();
    await expect(page.getByText('Attempts left')).toBeVisible();
    await expect(page.getByText('2 of 2')).toBeVisible();
    await expect(page.getByText('Not accepted after the due date')).toBeVisible();
    await checkScreen(page, 'assessment-quiz');

    await tabTo(page, page.getByRole('radio', { name: '80' }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: '443' })).toBeChecked();
    await tabTo(page, page.getByRole('checkbox', { name: '10.0.0.0/8' }));
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox', { name: '192.168.0.0/16' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: '192.168.0.0/16' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '8.8.8.0/24' })).not.toBeChecked();

    await tabTo(page, page.getByRole('button', { name: 'Submit' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Submit your answer?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('It is graded as it is now and uses one of your 2 attempts left.')).toBeVisible();
    await checkScreen(page, 'assessment-submit-dialog');
    // Focus starts on "Keep working"; the confirming button is just before it.
    await expect(dialog.getByRole('button', { name: 'Keep working' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Submit' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/app\/submissions\//);
    await expect(page.getByRole('heading', { level: 1, name: `Submission: ${world.quiz.title}` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Passed' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Score: 100 of 100')).toBeVisible();
    await expect(page.getByText('Question 1: right (points: 1 of 1)')).toBeVisible();
    await checkScreen(page, 'submission-graded');
    await tabTo(page, page.getByRole('link', { name: `Back to ${world.courseTitle}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: world.courseTitle })).toBeFocused();
  });

  await test.step('the SQL exercise: a failing run, a good run, a reload keeps the query', async () => {
    await page.getByRole('link', { name: world.sql.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.sql.title })).toBeFocused();
    await expect(page.getByText('3 of 3')).toBeVisible();
    const editor = page.getByRole('textbox', { name: 'Your query' });
    // The CodeMirror chunk arrives after the screen: the editor then replaces its plain stand-in.
    await expect(page.locator('.cm-editor')).toBeVisible();
    await page.getByText('The tables you can query').click();
    await expect(page.getByText('seconds', { exact: true })).toBeVisible();

    await typeInto(page, editor, 'SELECT nope FROM calls');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByText('The query failed')).toBeVisible();
    await expect(page.getByText(/nope/).last()).toBeVisible();

    await typeInto(page, editor, CALLS_QUERY);
    await page.getByRole('button', { name: 'Run' }).click();
    const result = page.getByRole('region', { name: 'Query result' });
    await expect(result.getByRole('columnheader')).toHaveText(['queue', 'avg_seconds']);
    await expect(result.getByRole('row')).toHaveCount(3);
    await expect(result.getByRole('row').nth(1)).toContainText('billing');
    await expect(result.getByRole('row').nth(1)).toContainText('270');
    await expect(page.getByText('Rows returned: 2.')).toBeVisible();
    await checkScreen(page, 'assessment-sql-trial-run');
    // A trial run used no attempt.
    const token = await api.tokenOf(world.trainee.email, world.trainee.password);
    expect((await api.call('GET', `/api/v1/assessments/${world.sql.id}`, token)).attemptsUsed).toBe(0);

    await page.reload();
    await signInAgainIfAsked(page, world);
    await expect(page.getByText('What you typed earlier on this device was restored.')).toBeVisible();
    await expect(page.locator('.cm-editor')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your query' })).toHaveText(CALLS_QUERY);
  });

  await test.step('submitted after a confirmation, watched until graded, the local copy cleared', async () => {
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
    await expect(page).toHaveURL(/\/app\/submissions\//);
    await expect(page.getByText(/Waiting for grading|Being graded now|Passed/).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Passed' })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText('Score: 10 of 10')).toBeVisible();
    await checkScreen(page, 'submission-sql-graded');
    expect(await page.evaluate((id) => localStorage.getItem(`gds:assessment-draft:${id}`), world.sql.id)).toBeNull();

    await page.getByRole('link', { name: 'Back to the assessment' }).first().click();
    await expect(page.getByText('2 of 3')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your submissions' })).toBeVisible();
    await expect(page.getByRole('list').getByText('Passed')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your query' })).toHaveText('');
  });
});
