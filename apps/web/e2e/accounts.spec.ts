import { expect, test } from '@playwright/test';
import { addToCart, fillSignUp, hydrated, newShopper, openProduct, signUp } from './helpers';

test('sign-up errors appear next to their fields, from the browser check and from the server', async ({
  page,
  browser,
}) => {
  await page.goto('/signup');
  await hydrated(page);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription('Name is required');
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 8 characters/);
  await expect(page.getByLabel('Name')).toBeFocused();

  const shopper = newShopper('duplicate');
  const first = await browser.newContext();
  await signUp(await first.newPage(), shopper);
  await first.close();

  await fillSignUp(page, shopper);
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
    'An account with this email already exists',
  );
  await expect(page.getByRole('link', { name: 'Log in', exact: true })).toBeVisible();
});

test('a wrong password is refused with one message, whatever was wrong', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(`nobody-${Date.now()}@e2e.test`);
  await page.getByLabel('Password').fill('whatever-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid' })).toHaveText(
    'Invalid email or password',
  );
});

test('a guest cart comes along when the guest logs in at checkout', async ({ page, browser }) => {
  const shopper = newShopper('merge');
  const other = await browser.newContext();
  await signUp(await other.newPage(), shopper);
  await other.close();

  await openProduct(page, 'hinoki', 'Hinoki Soy Candle');
  await addToCart(page, 'Hinoki Soy Candle');
  await page.getByRole('link', { name: 'Cart', exact: true }).click();
  await page.getByRole('button', { name: 'Checkout' }).click();

  await expect(page).toHaveURL(/\/login\?next=%2Fcheckout/);
  await page.getByLabel('Email').fill(shopper.email);
  await page.getByLabel('Password').fill(shopper.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('region', { name: 'Order summary' })).toContainText(
    'Hinoki Soy Candle × 1',
  );
});
