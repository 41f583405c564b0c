import { expect, type Page } from '@playwright/test';

/** Signs in through the sign-in screen and waits for the home screen. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
