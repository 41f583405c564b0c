import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';

test.setTimeout(300_000);

test('an admin reads pipeline health, sends a probe through the pipeline, and creates, disables and re-enables a webhook', async ({ page }) => {
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
  await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Operations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeFocused();
  await expect(page.getByTestId('readiness')).toHaveText('Database and queue: answering.');

  await page.getByRole('button', { name: 'Send a probe' }).click();
  await expect(page.getByText(/^Probe handled in \d+\.\d s\.$/)).toBeVisible({ timeout: 60_000 });

  // An address, not a name: the server resolves webhook hosts and refuses private ones, and this machine has no DNS.
  await page.getByLabel('URL').fill('https://93.184.215.14/gds');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByText('Its signing secret, shown only this once')).toBeVisible();
  const card = page.locator('li.card', { hasText: 'https://93.184.215.14/gds' });
  await expect(card.getByTestId('webhook-state')).toContainText('Enabled');
  await card.getByRole('button', { name: 'Disable' }).click();
  await expect(card.getByTestId('webhook-state')).toContainText('Disabled');
  await card.getByRole('button', { name: 'Re-enable' }).click();
  await expect(card.getByTestId('webhook-state')).toContainText('Enabled');
  await card.getByRole('button', { name: 'Delivery log' }).click();
  await expect(card.getByText('Nothing delivered yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Failed jobs' })).toBeVisible();
  await checkScreen(page, 'staff-operations');
});
