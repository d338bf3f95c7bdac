import { expect, test } from '@playwright/test';
import { addToCart, approvedCard, fillCheckout, fillSignUp, hydrated, newShopper } from './helpers';

test('browse, search and filter, fill a cart as a guest, sign up, keep the cart, pay, see the order', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'All products' })).toBeVisible();

  await page.getByLabel('Search').fill('notebook');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/q=notebook/);
  await expect(page.getByRole('link', { name: 'Dot Grid Notebook, A5' })).toBeVisible();

  await page.getByLabel('Search').fill('');
  await hydrated(page);
  await page.getByLabel('Category').selectOption('stationery');
  await expect(page).toHaveURL(/category=stationery/);
  const cards = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(cards).toHaveCount(8);

  await page.getByRole('link', { name: 'Dot Grid Notebook, A5' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Dot Grid Notebook, A5' }),
  ).toBeVisible();
  await expect(page.getByText('In stock', { exact: true })).toBeVisible();
  await addToCart(page, 'Dot Grid Notebook, A5');
  await expect(page.locator('#cart-count')).toHaveText('1');
  await expect(page.getByRole('link', { name: 'Cart', exact: true })).toHaveAccessibleDescription(
    '1 item in your cart',
  );

  await page.getByRole('link', { name: 'Cart', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Dot Grid Notebook, A5' })).toBeVisible();
  await page.getByLabel('Quantity of Dot Grid Notebook, A5').selectOption('2');
  await expect(page.locator('#cart-count')).toHaveText('2');

  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fcheckout/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await fillSignUp(page, newShopper('journey'));

  await expect(page).toHaveURL(/\/checkout$/);
  const summary = page.getByRole('region', { name: 'Order summary' });
  await expect(summary).toContainText('Dot Grid Notebook, A5 × 2');

  await fillCheckout(page, approvedCard);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Order / })).toBeVisible();
  await expect(page.locator('.order-meta')).toContainText('Paid');
  await expect(page.locator('#cart-count')).toHaveText('0');

  await page.getByRole('link', { name: 'Orders', exact: true }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Paid');
});
