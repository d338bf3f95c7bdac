import { expect, test } from '@playwright/test';
import { newShopper, signUp } from './helpers';

test('a signed-in shopper who is not an admin gets 403 with the "Access denied" page at /admin/orders', async ({
  page,
}) => {
  const shopper = newShopper('forbidden');
  await signUp(page, shopper);

  const response = await page.goto('/admin/orders?status=PAID');

  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByText('Forbidden:')).toContainText(
    `the back office is for shop administrators only. You are logged in as ${shopper.email}`,
  );
  await expect(page.getByRole('link', { name: 'Back to the shop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});
