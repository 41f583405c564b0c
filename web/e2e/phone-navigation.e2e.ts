import { test, expect, checkScreen, WIDTHS } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';

test.setTimeout(180_000);

test('on a phone, staff see four destinations and "More" (keyboard and screen-reader usable); a trainee\'s daily four stay on the bar', async ({ page, api }) => {
  await page.setViewportSize(WIDTHS.phone);
  const admin = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
  await signIn(page, admin.email, admin.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const more = nav.getByRole('button', { name: 'More' });

  await test.step('the bar fits 360 px: four links and More, nothing scrolled out of sight', async () => {
    await expect(nav.getByRole('link')).toHaveCount(4);
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const bar = nav.locator('> ul');
    expect(await bar.evaluate((list) => list.scrollWidth <= list.clientWidth)).toBe(true);
    for (const item of [...(await nav.getByRole('link').all()), more]) {
      const box = (await item.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
      // Each label whole, on one line: not wrapped under the bar, not cut short.
      expect(await item.locator('span').first().evaluate((label) => label.scrollWidth <= label.clientWidth && label.getClientRects().length === 1)).toBe(true);
    }
  });

  await test.step('More opens with the keyboard, its links are reachable with Tab, Escape closes it and returns focus', async () => {
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const list = page.locator(`#${await more.getAttribute('aria-controls')}`);
    await expect(list.getByRole('link', { name: 'Programme' })).toBeVisible();
    await expect(list.getByRole('link', { name: 'Profile' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(list.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(list).toBeHidden();
    // Open, for axe and the screenshots (at 1280 px the bar is the header and More is gone).
    await more.click();
    await checkScreen(page, 'phone-navigation-more');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('following a link in More goes there, closes the list and marks More as holding the current page', async () => {
    await more.click();
    await page.getByRole('link', { name: 'Programme' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(await more.evaluate((button) => getComputedStyle(button).fontWeight)).toBe('700');
  });

  await test.step('on a wide screen every destination is in the header and there is no More', async () => {
    await page.setViewportSize(WIDTHS.desktop);
    await expect(more).toBeHidden();
    await expect(nav.getByRole('link', { name: 'Programme' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Outcomes' })).toBeVisible();
    await nav.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  await test.step('a trainee (six destinations) has their daily four on the bar, the inbox among them, and careers and profile under More', async () => {
    await page.setViewportSize(WIDTHS.phone);
    const trainee = await api.registerTrainee('Tina Phone');
    await signIn(page, trainee.email, trainee.password);
    await expect(nav.getByRole('link')).toHaveCount(4);
    for (const name of ['Home', 'Learning', 'Cohorts', 'Inbox']) await expect(nav.getByRole('link', { name })).toBeVisible();
    await more.click();
    for (const name of ['Careers', 'Profile']) await expect(nav.getByRole('link', { name })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(more).toBeFocused();
  });
});
