import { expect, test } from '@playwright/test';

test('a sold-out product is marked in the catalog and cannot be added to the cart', async ({
  page,
}) => {
  await page.goto('/');
  const soldOutCard = page.getByRole('article').filter({ hasText: 'Sold out' });
  while ((await soldOutCard.count()) === 0) {
    const next = await page.getByRole('link', { name: 'Next page' }).getAttribute('href');
    expect(next, 'the seeded catalog has a sold-out product').toBeTruthy();
    await page.goto(next ?? '/');
  }
  await soldOutCard.first().getByRole('link').click();

  await expect(page.getByText('Sold out', { exact: true })).toBeVisible();
  const add = page.getByRole('button', { name: 'Add to cart' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription(/sold out/i);
  await expect(page.locator('#cart-count')).toHaveText('0');
});
