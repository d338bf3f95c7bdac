import { expect, test } from '@playwright/test';
import { addToCart, approvedCard, fillCheckout, newShopper, openProduct, signUp } from './helpers';
import { paymentsOf } from './support/database';

test('a checkout whose answer is lost on the network is retried with the same key: one order, one charge', async ({
  page,
}) => {
  const shopper = newShopper('retry');
  await signUp(page, shopper);
  await openProduct(page, 'beanie', 'Merino Beanie');
  await addToCart(page, 'Merino Beanie');

  const keys: string[] = [];
  await page.route('**/api/trpc/orders.place**', async (route) => {
    const { idempotencyKey } = route.request().postDataJSON() as { idempotencyKey: string };
    keys.push(idempotencyKey);
    if (keys.length === 1) {
      await route.fetch(); // the server places and charges the order…
      await route.abort('connectionreset'); // …but the shopper's browser never hears back
    } else {
      await route.continue();
    }
  });

  await page.goto('/checkout');
  await fillCheckout(page, approvedCard);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);

  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2); // header + one order
  expect(await paymentsOf(shopper.email)).toEqual([{ kind: 'CHARGE', outcome: 'APPROVED' }]);
});
