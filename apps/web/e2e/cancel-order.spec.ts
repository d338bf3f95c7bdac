import { expect, test } from '@playwright/test';
import { addToCart, checkOut, newShopper, openProduct, signUp } from './helpers';

const product = 'Carbon Trekking Poles, Pair';

test('cancelling a paid order puts the stock back', async ({ page }) => {
  test.slow(); // a checkout plus three product page visits
  await signUp(page, newShopper('cancel'));
  await openProduct(page, 'trekking', product);
  const status = page.locator('.stock-status');
  const before = Number((await status.textContent())?.match(/Only (\d+) left/)?.[1]);
  expect(before).toBeGreaterThan(1);
  await addToCart(page, product);

  await checkOut(page);
  await expect(page.locator('.order-meta')).toContainText('Paid');
  const orderUrl = page.url();

  await openProduct(page, 'trekking', product);
  await expect(status).toHaveText(`Only ${before - 1} left`);

  await page.goto(orderUrl);
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.locator('.order-meta')).toContainText('Cancelled');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);

  await openProduct(page, 'trekking', product);
  await expect(status).toHaveText(`Only ${before} left`);
});
