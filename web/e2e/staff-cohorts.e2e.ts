import { randomBytes } from 'node:crypto';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { buildLearningWorld } from './support/learning-world.ts';

test.describe.configure({ mode: 'serial' });
// A browser far from Belize (UTC+5:30): the forms must read dates in the cohort's zone, not this one.
test.use({ timezoneId: 'Asia/Kolkata' });
test.setTimeout(600_000);

const DAY = 24 * 3600 * 1000;
/** A `datetime-local` value this far from now on the wall clock of Belize (UTC-6, no summer time), the cohort's zone. */
function belizeInput(offsetMs: number): string {
  return new Date(Date.now() + offsetMs - 6 * 3600_000).toISOString().slice(0, 16);
}
/** That many days from today in Belize, at 18:00 there. */
function belizeEvening(days: number): string {
  return `${belizeInput(days * DAY).slice(0, 10)}T18:00`;
}

test('an admin creates a cohort, opens applications, and imports five trainees from CSV after a preview that shows a bad row', async ({ page, api }) => {
  const { courseTitle } = await buildLearningWorld(api);
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  const tag = randomBytes(3).toString('hex');
  const cohortName = `Staff Cohort ${tag}`;

  await test.step('sign in; Programme lists the cohorts', async () => {
    await page.goto('/app/sign-in');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Manage cohorts' })).toBeFocused();
    await checkScreen(page, 'staff-cohorts');
  });

  await test.step('create a cohort: a course, seats, dates and a question', async () => {
    await page.getByRole('link', { name: 'New cohort' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New cohort' })).toBeFocused();
    await page.getByLabel('Name').fill(cohortName);
    await page.getByRole('checkbox', { name: new RegExp(courseTitle) }).check();
    await page.getByLabel('Seats').fill('10');
    await expect(page.getByLabel('Time zone')).toHaveValue('America/Belize');
    await expect(page.getByText('Times in America/Belize.')).toHaveCount(4);
    await page.getByLabel('Applications open').fill(belizeInput(-3600_000));
    await page.getByLabel('Applications close').fill(belizeInput(14 * DAY));
    await page.getByLabel('Starts', { exact: true }).fill(belizeEvening(15));
    await page.getByLabel('Ends').fill(belizeEvening(90));
    await page.getByLabel('Application questions (required)').fill('Why do you want to join?');
    await checkScreen(page, 'staff-cohort-new');
    await page.getByRole('button', { name: 'Create cohort' }).click();
    await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
    await expect(page.getByTestId('cohort-status')).toHaveText('Planned');
    await expect(page.getByText('0 of 10')).toBeVisible();
    await expect(page.getByText('Why do you want to join?')).toBeVisible();
    // The edit form shows, in the cohort's zone, the times typed on the create form.
    const edit = page.getByRole('region', { name: 'Edit' });
    await expect(edit.getByLabel('Starts', { exact: true })).toHaveValue(belizeEvening(15));
    await expect(edit.getByLabel('Ends')).toHaveValue(belizeEvening(90));
  });

  await test.step('open applications with the keyboard, after a confirmation that says what it does', async () => {
    await page.getByRole('button', { name: 'Open applications' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByText('Trainees will see the cohort and can apply from')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Open applications' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cohort-status')).toHaveText('Taking applications');
  });

  const good = Array.from({ length: 5 }, (_, i) => `imported-${i}-${tag}@gds.test,Imported Trainee ${i + 1}`);
  await test.step('a CSV with a bad row: the preview marks it with its reason and offers no import', async () => {
    await page.getByLabel('Or paste the CSV').fill(['email,displayName', ...good.slice(0, 3), 'not-an-email,Bad Row', ...good.slice(3)].join('\n'));
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByRole('heading', { name: 'Preview: nothing is imported yet' })).toBeVisible();
    const bad = page.locator('tr[data-action="invalid"]');
    await expect(bad).toHaveCount(1);
    await expect(bad).toContainText('not-an-email');
    await expect(bad).toContainText('Not imported: bad row: email must be an email address');
    await expect(page.locator('tr[data-action="invite-and-enroll"]')).toHaveCount(5);
    await expect(page.getByText('Fix the bad rows and preview again')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
    await checkScreen(page, 'staff-import-preview');
    await expect(page.getByText('0 of 10')).toBeVisible();
  });

  await test.step('the fixed CSV is previewed, confirmed and imported; the result and the seats show it', async () => {
    await page.getByLabel('Or paste the CSV').fill(['email,displayName', ...good].join('\n'));
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await expect(page.getByText('5 will be enrolled (5 new accounts), 0 bad rows, 0 without a seat. Seats left: 10.')).toBeVisible();
    await page.getByRole('button', { name: 'Import 5 trainees' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText('Finished: 5 enrolled, 0 already enrolled, 0 not enrolled.')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('5 of 10')).toBeVisible();
    await checkScreen(page, 'staff-import-result');
  });

  await test.step("the edit form moves the start and the end, in the cohort's zone, after refusing an end before the start", async () => {
    const edit = page.getByRole('region', { name: 'Edit' });
    await expect(edit.getByText('Times in America/Belize.').first()).toBeVisible();
    await edit.getByLabel('Starts', { exact: true }).fill(belizeInput(20 * DAY));
    await edit.getByLabel('Ends').fill(belizeInput(19 * DAY));
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByText('The cohort must end after it starts.')).toBeVisible();
    await expect(edit.getByLabel('Ends')).toHaveAttribute('aria-invalid', 'true');
    await expect(edit.getByRole('alert')).toHaveText('Check the dates marked below.');
    await checkScreen(page, 'staff-cohort-edit-invalid');
    const start = belizeInput(20 * DAY);
    const end = belizeInput(100 * DAY);
    await edit.getByLabel('Starts', { exact: true }).fill(start);
    await edit.getByLabel('Ends').fill(end);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByText('Saved.')).toBeVisible();
    await page.reload();
    const again = page.getByRole('region', { name: 'Edit' });
    await expect(again.getByLabel('Starts', { exact: true })).toHaveValue(start);
    await expect(again.getByLabel('Ends')).toHaveValue(end);
  });
});
