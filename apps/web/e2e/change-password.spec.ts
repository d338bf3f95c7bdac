import { expect, test } from '@playwright/test';
import { logIn, newShopper, signUp } from './helpers';

test('changing the password: the old one stops working, the new one works, other sessions end', async ({
  page,
  browser,
}) => {
  test.slow(); // two browser contexts and four password hashes
  const shopper = newShopper('password');
  await signUp(page, shopper);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, shopper.email, shopper.password);
  await expect(otherPage.getByRole('button', { name: 'Log out' })).toBeVisible();

  const newPassword = `${shopper.password}-new`;
  await page.goto('/account');
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(
    'Your current password is not correct',
  );

  await page.getByLabel('Current password').fill(shopper.password);
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();

  // This session was rotated, not ended.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  // The other browser was logged out.
  await otherPage.goto('/account');
  await expect(otherPage).toHaveURL(/\/login/);
  await expect(otherPage.getByRole('link', { name: 'Log in', exact: true })).toBeVisible();

  await logIn(otherPage, shopper.email, shopper.password);
  await expect(otherPage.getByRole('alert').filter({ hasText: 'Invalid' })).toHaveText(
    'Invalid email or password',
  );

  await logIn(otherPage, shopper.email, newPassword);
  await expect(otherPage.getByRole('button', { name: 'Log out' })).toBeVisible();
  await other.close();
});
