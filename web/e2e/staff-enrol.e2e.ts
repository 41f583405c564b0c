import { test, expect, checkScreen } from './support/fixtures.ts';
import { buildEnrolWorld } from './support/enrol-world.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

const WAIVER_REASON = 'Ran the office network for two years';

test('an admin enrols a trainee by e-mail, meets each refusal, and waives missing prerequisites with the keyboard alone', async ({ page, api }) => {
  const world = await buildEnrolWorld(api);
  const [bea, carlos, dana] = world.trainees;
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  const enrol = page.getByRole('form', { name: 'Enrol a trainee' });
  const email = enrol.getByLabel("Trainee's e-mail");
  const waivers = page.getByRole('region', { name: 'Prerequisites waived' });

  await test.step('sign in and open the cohort: no trainee yet, no waiver', async () => {
    await page.goto('/app/sign-in');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.goto(`/app/admin/cohorts/${world.cohortId}`);
    await expect(page.getByRole('heading', { level: 1, name: world.cohortName })).toBeVisible();
    await expect(page.getByText('0 of 2')).toBeVisible();
    await expect(page.getByText('No prerequisites have been waived in this cohort.')).toBeVisible();
  });

  await test.step('enrol a trainee in the course without prerequisites: said, focused, seats refreshed', async () => {
    await email.fill(bea.email);
    await enrol.getByLabel('Course').selectOption({ label: world.open.label });
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    const done = page.getByRole('status').filter({ hasText: 'is enrolled' });
    await expect(done).toHaveText(`Bea Direct (${bea.email}) is enrolled.`);
    await expect(done.locator('..')).toBeFocused();
    await expect(page.getByText('1 of 2')).toBeVisible();
    await expect(email).toHaveValue('');
    await checkScreen(page, 'staff-enrol-success');
  });

  await test.step('an unknown e-mail and an enrolled trainee are refused on the field, focused', async () => {
    await email.fill('nobody-here@gds.test');
    await enrol.getByLabel('Course').selectOption({ label: world.open.label });
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    await expect(enrol.getByText('No trainee account has the e-mail nobody-here@gds.test.', { exact: false })).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toBeFocused();
    await email.fill(bea.email);
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    await expect(enrol.getByText(`${bea.email} is already enrolled in this cohort.`)).toBeVisible();
    await expect(email).toBeFocused();
    await checkScreen(page, 'staff-enrol-refused');
  });

  await test.step('keyboard only: a trainee missing a prerequisite is refused with the course named, then enrolled anyway after a confirmation', async () => {
    // Focus is on the e-mail field after the last refusal: from here on, only keys.
    await expect(email).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(carlos.email);
    await page.keyboard.press('Tab');
    const course = enrol.getByLabel('Course');
    await expect(course).toBeFocused();
    // Type-ahead on the focused list picks the course by its first letters.
    await page.keyboard.type(world.gated.title.slice(0, 7));
    await expect(course.locator('option:checked')).toHaveText(world.gated.label);
    await page.keyboard.press('Tab');
    await expect(enrol.getByRole('button', { name: 'Enrol' })).toBeFocused();
    await page.keyboard.press('Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'is not enrolled' });
    await expect(refusal).toHaveText(`${carlos.email} is not enrolled: they have not completed every prerequisite course.`);
    await expect(page.getByRole('list', { name: 'Not completed:' })).toHaveText(`${world.prerequisite.code} ${world.prerequisite.title}`);
    await expect(refusal.locator('../..')).toBeFocused();
    await expect(page.getByText('1 of 2')).toBeVisible();
    await checkScreen(page, 'staff-enrol-prerequisites');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Enrol anyway (waive prerequisites)' })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Enrol ${carlos.email} without the prerequisites?` });
    await expect(dialog.getByText(`They have not completed ${world.prerequisite.code} ${world.prerequisite.title}.`)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Enrol anyway' })).toBeFocused();
    // Without a reason the dialog stays open, the error on the reason field, which takes focus.
    await page.keyboard.press('Enter');
    const reason = dialog.getByLabel('Reason for the waiver');
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toHaveAccessibleDescription(/Give the reason for waiving the prerequisites\./);
    await checkScreen(page, 'staff-enrol-waiver-reason');
    await page.keyboard.type(WAIVER_REASON);
    await expect(reason).not.toHaveAttribute('aria-invalid');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Enrol anyway' })).toBeFocused();
    // The waiver's request is held, to see where focus is while it is on its way: back on the (pending) trigger, not the body.
    const enrolments = '**/api/v1/cohorts/*/enrollments';
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sent = false;
    await page.route(enrolments, async (route) => {
      if (route.request().method() === 'POST') {
        sent = true;
        await held;
      }
      await route.continue();
    });
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => sent).toBe(true);
    const trigger = page.getByRole('button', { name: 'Enrol anyway (waive prerequisites)' });
    await expect(trigger).toBeFocused();
    await expect(trigger).toHaveAttribute('aria-disabled', 'true');
    expect(await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
    release();
    const done = page.getByRole('status').filter({ hasText: 'is enrolled' });
    await expect(done).toContainText(`Carlos Waived (${carlos.email}) is enrolled. The prerequisites they had not completed are waived`);
    // Only once the answer is in: removing the route while its handler still holds the request would answer it twice.
    await page.unroute(enrolments);
    await expect(done.locator('..')).toBeFocused();
    await expect(page.getByText('2 of 2')).toBeVisible();
    const row = waivers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Carlos Waived' }) });
    await expect(row).toContainText(`${world.prerequisite.code} ${world.prerequisite.title}`);
    await expect(row.getByRole('cell', { name: WAIVER_REASON })).toBeVisible();
    await checkScreen(page, 'staff-enrol-waived');
  });

  await test.step('a full cohort is refused in staff words, focused', async () => {
    await email.fill(dana.email);
    await enrol.getByLabel('Course').selectOption({ label: world.open.label });
    await enrol.getByRole('button', { name: 'Enrol' }).click();
    const full = page.getByRole('alert').filter({ hasText: 'Every seat' });
    await expect(full).toHaveText('Every seat in this cohort is taken. Add seats under Edit to enrol more trainees.');
    await expect(full.locator('..')).toBeFocused();
  });

  await test.step('the API holds what the screen said: two enrolments, one waiver', async () => {
    const token = await api.asAdmin();
    const listed = await api.call('GET', `/api/v1/cohorts/${world.cohortId}/prerequisite-waivers`, token);
    expect(listed.items.map((w: { trainee: { id: string }; reason: string }) => [w.trainee.id, w.reason])).toEqual([[carlos.id, WAIVER_REASON]]);
    expect((await api.call('GET', `/api/v1/cohorts/${world.cohortId}`, token)).seatsTaken).toBe(2);
  });
});

test('the new-cohort form refuses an end before the start on the field, before asking the API', async ({ page }) => {
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/cohorts')) posts.push(request.url());
  });
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto('/app/admin/cohorts/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New cohort' })).toBeVisible();
  await page.getByLabel('Name').fill('Backwards cohort');
  await page.getByLabel('Seats').fill('10');
  await page.getByLabel('Applications open').fill('2030-01-01T08:00');
  await page.getByLabel('Applications close').fill('2030-01-10T08:00');
  await page.getByLabel('Starts', { exact: true }).fill('2030-02-01T18:00');
  const ends = page.getByLabel('Ends');
  await ends.fill('2030-01-20T18:00');
  // What a screen reader reads with the field is what it carries the moment focus lands on it: record that, each time.
  await ends.evaluate((field) => {
    const read: string[] = [];
    (window as unknown as { endsRead: string[] }).endsRead = read;
    field.addEventListener('focus', () => {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      read.push(`${field.getAttribute('aria-invalid')}|${ids.map((id) => document.getElementById(id)?.textContent).join(' ')}`);
    });
  });
  const endsRead = () => page.evaluate(() => (window as unknown as { endsRead: string[] }).endsRead);
  const zone = await page.getByLabel('Time zone').inputValue();
  const readWithError = `true|Times in ${zone}. The cohort must end after it starts.`;
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByText('The cohort must end after it starts.')).toBeVisible();
  await expect(ends).toHaveAttribute('aria-invalid', 'true');
  await expect(ends).toBeFocused();
  expect(await endsRead()).toEqual([readWithError]);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Check the dates marked below.');
  await checkScreen(page, 'staff-cohort-new-invalid');

  // The same mistake submitted again is announced again (a new alert node) and focused again, with its error.
  await alert.evaluate((node) => node.setAttribute('data-seen', ''));
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(ends).toBeFocused();
  await expect(alert).toHaveText('Check the dates marked below.');
  await expect(alert).not.toHaveAttribute('data-seen');
  expect(await endsRead()).toEqual([readWithError, readWithError]);

  // Fixed in place: the error and the alert go at once, before any submit.
  await ends.fill('2030-03-20T18:00');
  await expect(ends).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('The cohort must end after it starts.')).toHaveCount(0);
  await expect(alert).toHaveCount(0);
  expect(posts).toEqual([]);
});
