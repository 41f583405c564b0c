import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { buildLearningWorld } from './support/learning-world.ts';

test.setTimeout(300_000);

/** Presses Tab (or Shift+Tab) until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('with the keyboard alone: skip link, sign in, apply, then withdraw through the confirmation dialog', async ({ page, api }) => {
  const world = await buildLearningWorld(api);
  const trainee = await api.registerTrainee('Kim Keyboard');

  await page.goto('/app/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(trainee.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(trainee.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Kim' })).toBeFocused();

  // The main navigation comes before the content: back from the heading to it.
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: world.cohortName }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: world.cohortName })).toBeFocused();

  await tabTo(page, page.getByLabel('Why do you want to join?'));
  await page.keyboard.type('I want to grow from customer support into security work.');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('How many hours a week can you study?')).toBeFocused();
  await page.keyboard.type('Five');
  await tabTo(page, page.getByRole('button', { name: 'Send my application' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Submitted: the admissions team will review it.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  const withdraw = page.getByRole('button', { name: 'Withdraw my application' });
  await tabTo(page, withdraw);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Withdraw your application?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep my application' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(withdraw).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Keep my application' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Yes, withdraw' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Withdrawn.')).toBeVisible();
  await expect(withdraw).toHaveCount(0);
});

test('every control on the signed-in screens has an accessible name', async ({ page, api }) => {
  const trainee = await api.registerTrainee('Nina Names');
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(trainee.email);
  await page.getByLabel('Password').fill(trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  for (const [link, heading] of [['Home', 'Hello, Nina'], ['Learning', 'Your learning'], ['Cohorts', 'Cohorts'], ['Inbox', 'Inbox'], ['Profile', 'Your profile']]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button, input, select, textarea, [role="button"], [role="link"], [role="radio"], [tabindex]:not([tabindex="-1"])')]
        .filter((element) => {
          const labelled = element.getAttribute('aria-label') || element.getAttribute('aria-labelledby') || (element as HTMLInputElement).labels?.length || element.getAttribute('title');
          return !labelled && !(element.textContent ?? '').trim() && !(element as HTMLElement).hidden;
        })
        .map((element) => element.outerHTML.slice(0, 120)),
    );
    expect(unnamed, `controls without a name on ${heading}`).toEqual([]);
  }
});
