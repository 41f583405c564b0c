import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';
import { signatureIsValid, WebhookReceiver } from './support/webhook-receiver.ts';

test.setTimeout(300_000);

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
test.afterAll(() => receiver.close());

async function openOperations(page: import('@playwright/test').Page) {
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
  await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Operations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeFocused();
}

test('an admin reads pipeline health, sends a probe through the pipeline, and creates, disables and re-enables a webhook', async ({ page }) => {
  await openOperations(page);
  await expect(page.getByTestId('readiness')).toHaveText('Database and queue: answering.');

  await page.getByRole('button', { name: 'Send a probe' }).click();
  await expect(page.getByText(/^Probe handled in \d+\.\d s\.$/)).toBeVisible({ timeout: 60_000 });

  // An address, not a name: the server resolves webhook hosts, and this machine has no DNS.
  await page.getByLabel('URL').fill('https://93.184.215.14/gds');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByText('Its signing secret, shown only this once')).toBeVisible();
  const card = page.locator('li.card', { hasText: 'https://93.184.215.14/gds' });
  await expect(card.getByTestId('webhook-state')).toContainText('Enabled');
  await card.getByRole('button', { name: 'Disable' }).click();
  await expect(card.getByTestId('webhook-state')).toContainText('Disabled');
  await expect(card.getByRole('button', { name: 'Send test event' })).toBeDisabled();
  await card.getByRole('button', { name: 'Re-enable' }).click();
  await expect(card.getByTestId('webhook-state')).toContainText('Enabled');
  await card.getByRole('button', { name: 'Delivery log' }).click();
  await expect(card.getByText('Nothing delivered yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Failed jobs' })).toBeVisible();
  await checkScreen(page, 'staff-operations');
});

test('an admin sends a signed test event to a partner\'s endpoint and reads the result in the delivery log', async ({ page }) => {
  await openOperations(page);
  const url = receiver.url('/partner-hook');
  await page.getByLabel('URL').fill(url);
  await page.getByRole('button', { name: 'Create webhook' }).click();
  const secret = (await page.getByRole('status').filter({ hasText: 'Its signing secret' }).locator('code').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);
  const card = page.locator('li.card', { hasText: url });
  await card.getByRole('button', { name: 'Send test event' }).click();
  await expect(card.getByText('Test event queued; its result appears in the delivery log.')).toBeVisible();
  const log = card.getByRole('region', { name: 'Delivery log' });
  await expect(log.getByRole('row').nth(1)).toContainText('webhook-test', { timeout: 60_000 });
  await expect(log.getByRole('row').nth(1)).toContainText('delivered (200)', { timeout: 60_000 });

  const posts = receiver.received.filter((post) => post.path === '/partner-hook');
  expect(posts).toHaveLength(1);
  expect(posts[0].headers['x-gds-event']).toBe('webhook-test');
  expect(signatureIsValid(secret, String(posts[0].headers['x-gds-signature']), posts[0].body)).toBe(true);
  expect(signatureIsValid('whsec_not-the-secret', String(posts[0].headers['x-gds-signature']), posts[0].body)).toBe(false);
  expect(JSON.parse(posts[0].body)).toMatchObject({ type: 'webhook-test', data: { test: true } });
  await checkScreen(page, 'staff-operations-test-sent');
});

test('pipeline figures are numbers that refresh, and the queue dashboard opens for the signed-in admin only', async ({ page, browser, pageProblems }) => {
  await openOperations(page);
  const depth = page.getByTestId('queue-depth');
  for (const queue of ['grading', 'grading-slow', 'progress', 'notifications', 'maintenance']) {
    await expect(depth.getByRole('row', { name: new RegExp(`^${queue} `) })).toHaveCount(1);
  }
  await expect(page.getByTestId('outbox-lag')).toContainText('Outbox rows waiting');
  // Read again on its own: the next answer of the route arrives without anyone asking, and shows.
  const next = await page.waitForResponse((response) => response.url().endsWith('/api/v1/admin/pipeline-health') && response.ok(), { timeout: 30_000 });
  const { measuredAt } = await next.json();
  const shown = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' }).format(new Date(measuredAt));
  await expect(page.getByText(/^Measured at /)).toHaveText(`Measured at ${shown}; read again every 5 seconds.`);

  // Without the admin's dashboard cookie, another browser is turned away.
  const stranger = await browser.newContext();
  expect((await stranger.request.get(`${process.env.GDS_E2E_URL}/admin/queues/`)).status()).toBe(401);
  await stranger.close();

  await page.getByRole('button', { name: 'Open the queue dashboard' }).click();
  await expect(page).toHaveURL(/\/admin\/queues\/?$/);
  await expect(page.getByText('grading-slow').first()).toBeVisible({ timeout: 30_000 });
  // bull-board's own page template links Google Fonts, which this offline machine cannot resolve:
  // the dashboard's page, not ours, and only that request may fail.
  const notOurs = pageProblems.filter((problem) => problem.includes('ERR_NAME_NOT_RESOLVED') && problem.includes('https://fonts.googleapis.com/'));
  pageProblems.splice(0, pageProblems.length, ...pageProblems.filter((problem) => !notOurs.includes(problem)));
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'gds_queue_dashboard')).toMatchObject({ path: '/admin/queues', httpOnly: true, sameSite: 'Strict' });
});
