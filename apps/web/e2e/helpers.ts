import { expect, type Page } from '@playwright/test';

export const approvedCard = '4242 4242 4242 4242';
export const declinedCard = '4000 0000 0000 0002';

/** Every test makes its own shopper, so tests never share state or depend on order. */
export function newShopper(label: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { name: `E2E ${label}`, email: `${label}-${id}@e2e.test`, password: `pw-${id}-secret` };
}
export type Shopper = ReturnType<typeof newShopper>;

export async function signUp(page: Page, shopper: Shopper) {
  await page.goto('/signup');
  await fillSignUp(page, shopper);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

export async function fillSignUp(page: Page, shopper: Shopper) {
  await page.getByLabel('Name').fill(shopper.name);
  await page.getByLabel('Email').fill(shopper.email);
  await page.getByLabel('Password').fill(shopper.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Finds a product through the search box and opens its page. */
export async function openProduct(page: Page, search: string, name: string) {
  await page.goto('/');
  await page.getByLabel('Search').fill(search);
  await page.getByLabel('Search').press('Enter');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function addToCart(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(`Added ${name} to your cart`)).toBeVisible();
}

export async function fillCheckout(page: Page, card: string) {
  await page.getByLabel('Full name').fill('Kim Minji');
  await page.getByLabel('Address').fill('12 Sejong-daero');
  await page.getByLabel('City').fill('Seoul');
  await page.getByLabel('Postal code').fill('04524');
  await page.getByLabel('Country').fill('KR');
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry').fill('12/30');
  await page.getByLabel('CVC').fill('123');
}

/** Places the order with an approved card and returns the order page's id. */
export async function checkOut(page: Page) {
  await page.goto('/checkout');
  await fillCheckout(page, approvedCard);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() ?? '';
}

/** Waits until React has hydrated, for controls that only act through JavaScript (auto-submitting selects). */
export async function hydrated(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}
