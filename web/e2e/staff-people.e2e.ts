import { randomBytes } from 'node:crypto';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';

test.setTimeout(300_000);

test('an admin invites a person, changes their roles with a reason, re-sends the invitation, deactivates and reactivates them, and reads the history', async ({ page }) => {
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  const email = `invited-${randomBytes(4).toString('hex')}@gds.test`;
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
  await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();

  await test.step('invite a reviewer', async () => {
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Vera Invited');
    await page.getByRole('checkbox', { name: 'Trainee' }).uncheck();
    await page.getByRole('checkbox', { name: 'Reviewer' }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}; it works until`)).toBeVisible();
    await page.getByLabel('Name or email').fill(email);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('row', { name: /Vera Invited/ })).toContainText('Reviewer');
    await checkScreen(page, 'staff-people');
  });

  await test.step('change roles with a reason; re-send the invitation', async () => {
    await page.getByRole('link', { name: 'Vera Invited' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vera Invited' })).toBeFocused();
    await page.getByRole('checkbox', { name: 'Instructor' }).check();
    await page.getByLabel('Reason (kept in the history)').fill('Teaches the SQL module');
    await page.getByRole('button', { name: 'Save roles' }).click();
    await expect(page.getByRole('row', { name: /Roles changed/ })).toContainText('Teaches the SQL module');
    await page.getByRole('button', { name: 'Send a new invitation' }).click();
    await expect(page.getByText('A new invitation is on its way')).toBeVisible();
  });

  await test.step('deactivate after a confirmation, then reactivate; the history lists each', async () => {
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('signed out everywhere');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByTestId('account-state')).toHaveText('Deactivated');
    await page.getByRole('button', { name: 'Reactivate' }).click();
    await expect(page.getByTestId('account-state')).toHaveText('Active');
    for (const what of ['Account created', 'Roles changed', 'Deactivated', 'Reactivated']) await expect(page.getByRole('row', { name: new RegExp(what) })).toHaveCount(1);
    await checkScreen(page, 'staff-person');
  });

  await test.step('certificates to review: none flagged here, and the screen says so', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Certificates to review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Certificates to review' })).toBeFocused();
    await expect(page.getByText('No certificate is waiting for review.')).toBeVisible();
    await checkScreen(page, 'staff-certificate-reviews');
  });
});
