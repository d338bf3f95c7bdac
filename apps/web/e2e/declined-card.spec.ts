import { expect, test } from '@playwright/test';
import {
  addToCart,
  approvedCard,
  declinedCard,
  fillCheckout,
  newShopper,
  openProduct,
  signUp,
} from './helpers';

test('a declined card shows the reason, keeps the cart, and a retry with another card pays', async ({
  page,
}) => {
  await signUp(page, newShopper('declined'));
  await openProduct(page, 'washi', 'Washi Tape Set of 6');
  await addToCart(page, 'Washi Tape Set of 6');

  const keys: string[] = [];
  await page.route('**/api/trpc/orders.place**', async (route) => {
    keys.push((route.request().postDataJSON() as { idempotencyKey: string }).idempotencyKey);
    await route.continue();
  });

  await page.goto('/checkout');
  await fillCheckout(page, declinedCard);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'declined' })).toContainText(
    'Your card was declined. No money was taken',
  );
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.locator('#cart-count')).toHaveText('1');

  await page.getByLabel('Card number').fill(approvedCard);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.locator('.order-meta')).toContainText('Paid');
  expect(keys).toHaveLength(2);
  expect(keys[1], 'a new attempt after a decline gets a new idempotency key').not.toBe(keys[0]);
});
