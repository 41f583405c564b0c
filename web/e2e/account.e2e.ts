import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { linkInMail, mailsTo } from './support/mailbox.ts';

test.setTimeout(180_000);

async function signIn(page: Page, email: string, password: string, greeting: string): Promise<void> {
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: greeting })).toBeVisible();
}

/** Presses Tab until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('browser sessions (refresh token in an HttpOnly cookie, access token in memory)', () => {
  test('a reload keeps the person signed in, with no token in storage', async ({ page, api, context }) => {
    const trainee = await api.registerTrainee('Rey Reload');
    await signIn(page, trainee.email, trainee.password, 'Hello, Rey');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'gds_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });

    await page.goto('/app/profile');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/profile$/);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ|gds_refresh/);
  });

  test('two tabs go on working after the access token expires, with one refresh between them; signing out in one signs out the other', async ({ page, api, context }) => {
    const trainee = await api.registerTrainee('Tam Tabs');
    await context.clock.install();
    const refreshes: number[] = [];
    context.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/web/refresh')) refreshes.push(response.status());
    });

    await signIn(page, trainee.email, trainee.password, 'Hello, Tam');
    const second = await context.newPage();
    await second.goto('/app/profile');
    await expect(second.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    expect(refreshes, 'the new tab restored the session with one refresh').toEqual([200]);

    // Past the access token's 15 minutes (the page's clock): both tabs need a new token at once.
    await context.clock.fastForward('16:00');
    const nav = (p: Page) => p.getByRole('navigation', { name: 'Main' });
    await Promise.all([nav(page).getByRole('link', { name: 'Profile' }).click(), nav(second).getByRole('link', { name: 'Learning' }).click()]);
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    await expect(page.getByText(trainee.email)).toBeVisible();
    await expect(second.getByRole('heading', { level: 1, name: 'Your learning' })).toBeVisible();
    await expect(second.getByRole('alert')).toHaveCount(0);
    expect(refreshes, 'one refresh for both tabs, none refused').toEqual([200, 200]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/app\/sign-in/);
    await expect(second).toHaveURL(/\/app\/sign-in/);
    await expect(second.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await second.goto('/app/profile');
    await expect(second).toHaveURL(/\/app\/sign-in\?redirect=/);
    expect((await context.cookies()).find((c) => c.name === 'gds_refresh')).toBeUndefined();
  });

  test('when the server refuses both tabs\' access tokens (expired), each request is retried after one shared refresh', async ({ page, api, context }) => {
    const trainee = await api.registerTrainee('Eli Expiry');
    // Stands in for the server's expiry: every access token used so far is answered 401 from now on.
    const used = new Set<string>();
    let expired = new Set<string>();
    await context.route('**/api/v1/**', async (route) => {
      const auth = route.request().headers().authorization;
      if (auth && expired.has(auth)) {
        return route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ type: 'https://gds-academy.example/problems/invalid-token', title: 'Unauthorized', status: 401 }) });
      }
      if (auth) used.add(auth);
      return route.continue();
    });
    const refreshes: number[] = [];
    context.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/web/refresh')) refreshes.push(response.status());
    });
    await signIn(page, trainee.email, trainee.password, 'Hello, Eli');
    const second = await context.newPage();
    await second.goto('/app/learning');
    await expect(second.getByRole('heading', { level: 1, name: 'Your learning' })).toBeVisible();
    expect(refreshes).toEqual([200]);

    expired = new Set(used);
    const nav = (p: Page) => p.getByRole('navigation', { name: 'Main' });
    await Promise.all([nav(page).getByRole('link', { name: 'Profile' }).click(), nav(second).getByRole('link', { name: 'Inbox' }).click()]);
    await expect(page.getByText(trainee.email)).toBeVisible();
    await expect(second.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(second.getByRole('alert')).toHaveCount(0);
    expect(refreshes, 'one refresh for both tabs').toEqual([200, 200]);
  });
});

test.describe('account recovery', () => {
  test('forgot password: the same answer for any address, then the emailed link sets a new password and signs in', async ({ page, api }) => {
    const trainee = await api.registerTrainee('Paz Reset');
    await page.goto('/app/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeFocused();
    await checkScreen(page, 'forgot-password');

    const unknown = `nobody-${randomBytes(4).toString('hex')}@gds.test`;
    await page.getByLabel('Email').fill(unknown);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    const answer = page.getByRole('status');
    await expect(answer).toContainText(`If an account uses ${unknown}, we have sent it an email`);
    const unknownText = (await answer.innerText()).replace(unknown, '<address>');

    await page.goto('/app/forgot-password');
    await page.getByLabel('Email').fill(trainee.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(answer).toContainText(`If an account uses ${trainee.email}`);
    expect((await answer.innerText()).replace(trainee.email, '<address>'), 'no account enumeration').toBe(unknownText);
    await checkScreen(page, 'forgot-password-sent');

    const link = await linkInMail(trainee.email, 'reset-password');
    expect(mailsTo(unknown)).toEqual([]);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(page, 'the token leaves the address bar').toHaveURL(/\/app\/reset-password$/);
    await checkScreen(page, 'reset-password');
    await page.getByLabel('New password').fill('password');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await expect(page.getByText(/password/i).and(page.locator('.field-error'))).toBeVisible();
    await page.getByLabel('New password').fill('a-fresh-pass-phrase-7');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Paz' })).toBeVisible();

    expect((await api.request.post('/api/v1/auth/login', { data: { email: trainee.email, password: trainee.password } })).status()).toBe(401);
    await api.tokenOf(trainee.email, 'a-fresh-pass-phrase-7');

    // The link works once.
    await page.goto(link);
    await page.getByLabel('New password').fill('another-pass-phrase-8');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('This link has already been used or has expired');
    await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  });

  test('change password with the keyboard alone: the current one is required; other sessions end, this one goes on', async ({ page, api }) => {
    const trainee = await api.registerTrainee('Kai Change');
    const elsewhere = await api.tokenOf(trainee.email, trainee.password);
    await signIn(page, trainee.email, trainee.password, 'Hello, Kai');
    await page.goto('/app/profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: 'Change your password' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeFocused();
    await checkScreen(page, 'change-password');

    await tabTo(page, page.getByLabel('Current password'));
    await page.keyboard.type('not-my-password');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('New password')).toBeFocused();
    await page.keyboard.type('a-changed-pass-phrase-9');
    await page.keyboard.press('Enter');
    await expect(page.getByText('This is not your current password.')).toBeVisible();
    await expect(page.getByLabel('New password'), 'what was typed is kept').toHaveValue('a-changed-pass-phrase-9');
    await checkScreen(page, 'change-password-wrong-current');

    await page.getByLabel('Current password').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(trainee.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('Your password is changed. You stay signed in here.');
    await expect(page.getByRole('status')).toContainText('1 other session (another browser or device) was signed out.');
    await checkScreen(page, 'change-password-done');

    expect((await api.request.get('/api/v1/me', { headers: { authorization: `Bearer ${elsewhere}` } })).status(), 'the other session ended').toBe(401);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
    await api.tokenOf(trainee.email, 'a-changed-pass-phrase-9');
  });

  test('an invitation email opens the screen that sets the password and signs in', async ({ page, api }) => {
    const email = `invited-${randomBytes(4).toString('hex')}@gds.test`;
    await api.call('POST', '/api/v1/users', await api.asAdmin(), { email, displayName: 'Ines Invited', roles: ['trainee'] }, 201);
    const link = await linkInMail(email, 'accept-invitation');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to GDS Academy' })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/accept-invitation$/);
    await checkScreen(page, 'accept-invitation');
    await page.getByLabel('New password').fill('an-invited-pass-phrase-3');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Ines' })).toBeVisible();
  });
});

test.describe('profile: language, consent, data', () => {
  test('the language is saved to the account and used at the next sign-in', async ({ page, api, browser }) => {
    const trainee = await api.registerTrainee('Lia Lengua');
    await signIn(page, trainee.email, trainee.password, 'Hello, Lia');
    await page.goto('/app/profile');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect(page.getByRole('heading', { level: 1, name: 'Tu perfil' })).toBeVisible();
    await expect(page.getByText('Guardado.').first()).toBeVisible();
    expect((await api.call('GET', '/api/v1/me', await api.tokenOf(trainee.email, trainee.password))).language).toBe('es');

    // Another browser (no language remembered on it) starts in English and switches at sign-in.
    const other = await browser.newContext({ baseURL: process.env.GDS_E2E_URL, locale: 'en-US' });
    const fresh = await other.newPage();
    await fresh.goto('/app/sign-in');
    await expect(fresh.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await fresh.getByLabel('Email').fill(trainee.email);
    await fresh.getByLabel('Password').fill(trainee.password);
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await expect(fresh.getByRole('heading', { level: 1, name: 'Hola, Lia' })).toBeVisible();
    await expect(fresh.locator('html')).toHaveAttribute('lang', 'es');
    await other.close();

    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  });

  test('demographic consent: given with its explanation, fields then asked for, withdrawn through a dialog; my data downloads', async ({ page, api }) => {
    const trainee = await api.registerTrainee('Dee Consent');
    await signIn(page, trainee.email, trainee.password, 'Hello, Dee');
    await page.goto('/app/profile');
    const consent = page.getByRole('region', { name: 'About you: your consent' });
    await expect(consent).toContainText('only to report to the consortium and its funder, in aggregate');
    await expect(page.getByLabel('Year of birth')).toHaveCount(0);
    await checkScreen(page, 'profile-consent');

    await consent.getByRole('button', { name: 'I agree: let me add these details' }).click();
    await expect(consent).toContainText('You gave your consent on');
    await page.getByLabel('Year of birth').fill('1998');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
    const token = await api.tokenOf(trainee.email, trainee.password);
    expect((await api.call('GET', '/api/v1/me', token)).birthYear).toBe(1998);

    await consent.getByRole('button', { name: 'Withdraw consent' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Withdraw your consent?' });
    await expect(dialog).toBeVisible();
    await checkScreen(page, 'profile-consent-withdraw');
    await dialog.getByRole('button', { name: 'Withdraw and delete my answers' }).click();
    await expect(consent).toContainText('You have not given consent');
    await expect(page.getByLabel('Year of birth')).toHaveCount(0);
    expect((await api.call('GET', '/api/v1/me', token)).birthYear).toBeNull();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^gds-academy-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(JSON.stringify(data)).toContain(trainee.email);
    await expect(page.getByText('Your file is downloaded.')).toBeVisible();
  });
});
