import { expect, test } from '@playwright/test';
import { addToCart, checkOut, hydrated, logIn, newShopper, openProduct, signUp } from './helpers';

test('the admin ships and delivers an order; the shopper sees it and can no longer cancel', async ({
  page,
  browser,
}) => {
  test.slow(); // two users, a checkout and two back-office actions
  await signUp(page, newShopper('admin-flow'));
  await openProduct(page, 'enamel', 'Enamel Camp Mug');
  await addToCart(page, 'Enamel Camp Mug');
  const orderId = await checkOut(page);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();
  const orderHeading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, 'admin@shop.test', 'admin-password');
  await expect(admin.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();
  await admin.getByRole('link', { name: 'Admin', exact: true }).click();
  await hydrated(admin);
  await admin.getByLabel('Status').selectOption('PAID');
  await expect(admin).toHaveURL(/status=PAID/);

  const row = admin.getByRole('row').filter({ hasText: orderHeading });
  await row.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(admin.getByText(`${orderHeading} marked shipped`)).toBeVisible();

  await admin.getByLabel('Status').selectOption('SHIPPED');
  await admin
    .getByRole('row')
    .filter({ hasText: orderHeading })
    .getByRole('button', { name: 'Mark delivered' })
    .click();
  await expect(admin.getByText(`${orderHeading} marked delivered`)).toBeVisible();
  await adminContext.close();

  await page.goto(`/orders/${orderId}`);
  await expect(page.locator('.order-meta')).toContainText('Delivered');
  await expect(page.getByRole('list').filter({ hasText: 'Shipped' })).toContainText('Delivered');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
});

test('shoppers get a forbidden message in the back office; guests are sent to log in', async ({
  page,
}) => {
  await page.goto('/admin/orders');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Forders/);

  await signUp(page, newShopper('not-admin'));
  await page.goto('/admin/orders');
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark shipped' })).toHaveCount(0);
});
