import { test, expect, checkScreen } from './support/fixtures.ts';

test.describe('the web app is served by the api role', () => {
  test('GET / goes to the app, deep links reach the client router, unknown files and API paths stay 404', async ({ request }) => {
    const root = await request.get('/', { maxRedirects: 0 });
    expect(root.status()).toBe(302);
    expect(root.headers().location).toBe('/app/');

    const page = await request.get('/app/cohorts/some-deep-link');
    expect(page.status()).toBe(200);
    expect(page.headers()['cache-control']).toBe('no-cache');
    const csp = page.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.text()).toContain('<div id="root">');

    const missingAsset = await request.get('/app/assets/missing-file.js');
    expect(missingAsset.status()).toBe(404);
    expect(missingAsset.headers()['content-type']).toContain('application/problem+json');
    const missingApi = await request.get('/api/v1/no-such-route');
    expect(missingApi.status()).toBe(404);
    expect(missingApi.headers()['content-type']).toContain('application/problem+json');
  });

  test('hashed assets are immutable and sent pre-compressed', async ({ request }) => {
    const html = await (await request.get('/app/')).text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const brotli = await request.get(script!, { headers: { 'accept-encoding': 'br' } });
    expect(brotli.status()).toBe(200);
    expect(brotli.headers()['content-encoding']).toBe('br');
    expect(brotli.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await request.get(script!, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    // The same file whoever asks: the page's module scripts send an Origin header and the service
    // worker's install does not, and a `Vary: Origin` made that install download the first screen again.
    const fromPage = await request.get(script!, { headers: { 'accept-encoding': 'br', origin: new URL(brotli.url()).origin } });
    expect(fromPage.headers()['vary']?.toLowerCase()).toBe('accept-encoding');
    expect(fromPage.headers()['access-control-allow-origin']).toBeUndefined();
  });
});

test.describe('signing in', () => {
  test('a deep link asks for sign-in and comes back; a wrong password says why and keeps the email', async ({ page, api }) => {
    const trainee = await api.registerTrainee('Sign In Person');
    await page.goto('/app/?tab=deep-link');
    await expect(page).toHaveURL(/\/app\/sign-in\?redirect=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await checkScreen(page, 'sign-in');

    await page.getByLabel('Email').fill(trainee.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(trainee.email);

    await page.getByLabel('Password').fill(trainee.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/app\/\?tab=deep-link$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Sign' })).toBeVisible();
  });
});

test.describe('the screen check itself', () => {
  test('fails on a serious accessibility violation, with axe kept in the page from the check before', async ({ page }) => {
    await page.goto('/app/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    // A clean screen passes; axe stays in the page for the next check (see axeResults in support/fixtures.ts).
    await checkScreen(page, 'screen-check-clean');
    await page.evaluate(() => {
      const faint = Object.assign(document.createElement('p'), { textContent: 'faint text' });
      faint.style.cssText = 'color: #eee; background: #fff';
      document.querySelector('h1')!.after(faint, document.createElement('button'));
    });
    const failure = await checkScreen(page, 'screen-check-broken').then(
      () => 'no failure',
      (error: Error) => error.message,
    );
    expect(failure).toContain('color-contrast');
    expect(failure).toContain('button-name');
  });
});
