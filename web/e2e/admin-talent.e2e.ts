import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';
import { buildLearningWorld } from './support/learning-world.ts';
import { linkInMail } from './support/mailbox.ts';
import { buildCareersWorld } from './support/careers-world.ts';

test.setTimeout(300_000);

/** Presses Tab until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('an admin adds an employer organisation, invites its employer user, and creates a career fair with it by keyboard alone', async ({ page, api }) => {
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  const world = await buildLearningWorld(api);
  const suffix = randomBytes(3).toString('hex');
  const organisationName = `Caribbean Cloud Ltd ${suffix}`;
  const employerEmail = `employer-${suffix}@gds.test`;
  const fairName = `Belize Digital Careers Fair ${suffix}`;

  await signIn(page, admin.email, admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
  await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Employers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Employer organisations' })).toBeFocused();

  await test.step('add an organisation', async () => {
    await page.getByLabel('Organisation name').fill(organisationName);
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect(page.getByText(`${organisationName} was added.`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(organisationName) })).toContainText('Listed');
    await checkScreen(page, 'admin-talent-organisations');
  });

  await test.step('invite an employer user bound to it; the invitation exists', async () => {
    await page.getByRole('link', { name: organisationName }).click();
    await expect(page.getByRole('heading', { level: 1, name: organisationName })).toBeFocused();
    await expect(page.getByText('Nobody acts for this organisation yet.')).toBeVisible();
    const invite = page.getByRole('form', { name: 'Invite an employer user' });
    await invite.getByLabel('Email', { exact: true }).fill(employerEmail);
    await invite.getByLabel('Name', { exact: true }).fill('Hana Hiring');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${employerEmail}; it works until`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hana Hiring' })).toBeVisible();
    const token = await api.asAdmin();
    const found = (await api.call('GET', `/api/v1/users?q=${encodeURIComponent(employerEmail)}`, token)).items;
    expect(found).toEqual([expect.objectContaining({ email: employerEmail, roles: ['employer'], organisationId: expect.any(String) })]);
    // The invitation itself: the email with its link to set a password, sent by the worker.
    expect(await linkInMail(employerEmail, 'accept-invitation')).toMatch(/\/app\/accept-invitation/);
    const organisations = (await api.call('GET', '/api/v1/organisations?limit=100', token)).items;
    expect(organisations.find((o: { name: string }) => o.name === organisationName).id).toBe(found[0].organisationId);
  });

  await test.step('retiring asks first and says what it does to the employer users', async () => {
    await page.getByRole('button', { name: 'Retire organisation' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Its 1 employer user will keep their accounts but can no longer search for talent');
    await checkScreen(page, 'admin-talent-organisation-retire');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await checkScreen(page, 'admin-talent-organisation');
  });

  await test.step('create a fair with the keyboard alone: its organisation and a cohort', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Career fairs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Career fairs' })).toBeFocused();
    await tabTo(page, page.getByRole('link', { name: 'New career fair' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'New career fair' })).toBeFocused();
    await tabTo(page, page.getByLabel('Name', { exact: true }));
    await page.keyboard.type(fairName);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Starts')).toBeFocused();
    // A datetime-local field takes its parts typed in order (month, day, year, then hour, minute and
    // AM/PM in en-US); the year takes up to six digits, so Tab moves on to the hour.
    await page.keyboard.type('03122027');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0900AM');
    await tabTo(page, page.getByLabel('Ends'));
    await page.keyboard.type('03122027');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0300PM');
    await expect(page.getByLabel('Starts')).toHaveValue('2027-03-12T09:00');
    await expect(page.getByLabel('Ends')).toHaveValue('2027-03-12T15:00');
    await tabTo(page, page.getByLabel('Place'));
    await page.keyboard.type('Biltmore Hotel, Belize City');
    await tabTo(page, page.getByRole('checkbox', { name: organisationName }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: world.cohortName }));
    await page.keyboard.press('Space');
    await checkScreen(page, 'admin-talent-new-fair');
    await tabTo(page, page.getByRole('button', { name: 'Create career fair' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: fairName })).toBeFocused();
    // 09:00 in Belize (UTC-6) whatever the browser's zone.
    await expect(page.getByText('2027-03-12 09:00 to 2027-03-12 15:00')).toBeVisible();
    await expect(page.getByText('Nobody has registered yet.')).toBeVisible();
    await checkScreen(page, 'admin-talent-fair');
    const fairs = (await api.call('GET', '/api/v1/career-fairs?limit=100', await api.asAdmin())).items;
    const fair = fairs.find((f: { name: string }) => f.name === fairName);
    expect(fair).toMatchObject({ startsAt: '2027-03-12T15:00:00.000Z', endsAt: '2027-03-12T21:00:00.000Z', cohortIds: [world.cohortId], organisationIds: [expect.any(String)] });
  });

  await test.step('the fair is listed', async () => {
    await page.getByRole('link', { name: 'All career fairs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Career fairs' })).toBeFocused();
    await expect(page.getByRole('row', { name: new RegExp(fairName) })).toContainText('2027-03-12 09:00');
    await checkScreen(page, 'admin-talent-fairs');
  });
});

test("an admin cancels a trainee's fair meeting on a phone, after a confirmation; the employer is told", async ({ page, api }) => {
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  const world = await buildCareersWorld(api);
  const token = await api.tokenOf(world.graduate.email, world.graduate.password);
  await api.call('PUT', '/api/v1/me/talent-profile', token, { statement: 'Fraud desk agent moving into a SOC.', availability: 'immediately', preferredRoles: ['SOC analyst'] });
  await api.call('POST', `/api/v1/career-fairs/${world.fair.id}/registrations`, token, undefined, 201);
  const booking = await api.call('POST', `/api/v1/fair-slots/${world.slotIds[0]}/bookings`, token, undefined, 201);
  const organisation = world.employer.organisationName;

  await page.setViewportSize({ width: 360, height: 720 });
  await signIn(page, admin.email, admin.password);
  await page.goto(`/app/admin/career-fairs/${world.fair.id}`);
  await expect(page.getByRole('heading', { level: 1, name: world.fair.name })).toBeVisible();
  const trigger = page.getByRole('button', { name: new RegExp(`^Cancel .*'s meeting with ${organisation} at `) });
  await trigger.click();
  const dialog = page.getByRole('alertdialog', { name: new RegExp(`meeting with ${organisation}\\?$`) });
  await expect(dialog).toContainText(`${organisation} and`);
  await expect(dialog.getByRole('button', { name: 'Keep the meeting' })).toBeFocused();
  await checkScreen(page, 'admin-talent-cancel-meeting');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel the meeting' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Meeting cancelled; the employer and the trainee are told.' })).toBeVisible();
  await expect(page.getByText('None booked')).toBeVisible();
  // The cancelled meeting's button is gone from the list: focus is on the outcome, not the top of the page.
  await expect(page.getByRole('status').filter({ hasText: 'Meeting cancelled' })).toBeFocused();
  await checkScreen(page, 'admin-talent-meeting-cancelled');
  await expect
    .poll(async () => (await api.call('GET', '/api/v1/me/notifications?limit=50', world.employer.token)).items.some((n: { type: string; data: { bookingId?: string } }) => n.type === 'fair-meeting-cancelled' && n.data.bookingId === booking.id), {
      timeout: 60_000,
      message: 'the employer told of the cancellation',
    })
    .toBe(true);
});
