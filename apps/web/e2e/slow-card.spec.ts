import { expect, test, type Page } from '@playwright/test';
import {
  addToCart,
  fillCheckout,
  hydrated,
  logIn,
  newShopper,
  openProduct,
  signUp,
} from './helpers';

/**
 * The slow test card: the card processor answers after CARD_PROCESSOR_SLOW_MS (6 s), longer than
 * checkout waits (CHECKOUT_WAIT_MS, 3 s), so checkout answers the order as pending payment. The
 * order page says so — news, not an error — and turns paid by itself; the back office watches the
 * same checkout's event journey settle.
 */
const slowCard = '4000 0000 0000 0077';

type Marked = Window & { sameDocument?: boolean };

/** Marks the page's document: a reload would start a new one, without the mark. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    (window as Marked).sameDocument = true;
  });
const sameDocument = (page: Page) => page.evaluate(() => (window as Marked).sameDocument === true);

test('a slow payment: the order page says it is being processed, then shows it paid without a reload', async ({
  page,
  browser,
}) => {
  test.slow(); // two users and a payment that takes 6 s on purpose
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, 'admin@shop.test', 'admin-password');
  await expect(admin.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();

  await signUp(page, newShopper('slow-card'));
  await openProduct(page, 'apron', 'Linen Apron');
  await addToCart(page, 'Linen Apron');
  await page.goto('/checkout');
  await fillCheckout(page, slowCard);
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = page.url().split('/').pop() ?? '';
  await expect(
    page.getByRole('status').filter({ hasText: 'Your payment is being processed' }),
  ).toBeVisible();
  await expect(page.locator('.order-meta')).toContainText('Pending payment');
  await expect(page.getByRole('alert').filter({ hasText: /payment|declined|wrong/i })).toHaveCount(
    0,
  );

  // From here on, no reload: the pages follow the order by themselves.
  await markDocument(page);
  await admin.goto(`/admin/orders/${orderId}`);
  await hydrated(admin);
  await markDocument(admin);

  await expect(page.locator('.order-meta')).toContainText('Paid', { timeout: 20_000 });
  await expect(
    page.getByRole('status').filter({ hasText: 'Your payment went through' }),
  ).toBeVisible();
  expect(await sameDocument(page), 'the order page was not reloaded').toBe(true);

  const journey = admin.getByRole('region', { name: 'Event journey' });
  await expect(journey.getByRole('status')).toHaveText('Saga at rest (Paid).', {
    timeout: 10_000,
  });
  const events = journey.getByRole('list', { name: 'Events, in the order they were recorded' });
  await expect(events.getByRole('heading', { level: 3 })).toContainText([
    'Order placed',
    'Payment captured',
    'Order paid',
  ]);
  const placed = events.getByRole('listitem').filter({ hasText: 'Order placed' }).first();
  await expect(placed).toContainText('Taken by payment (1st attempt)');
  await expect(placed).toContainText('checkout timeouts: delayed until');
  await expect(placed.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(placed.getByText(/\+\d+(\.\d)? (ms|s)/).first()).toBeVisible();
  await expect(journey.getByRole('list', { name: 'Checkout saga' })).toContainText('Paid');
  await expect(admin.locator('.order-meta')).toContainText('Paid');
  expect(await sameDocument(admin), 'the back-office page was not reloaded').toBe(true);
  await adminContext.close();
});
