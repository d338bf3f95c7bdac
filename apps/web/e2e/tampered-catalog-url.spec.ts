import { expect, test } from '@playwright/test';

// A shopper can edit the URL, or paste one that was mangled on the way: the catalog answers with
// products (the first page) or a plain message, never the "Something went wrong" error page.
const cursor = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
const someId = '00000000-0000-4000-8000-000000000000';

const tampered = {
  'a cursor that is not base64': '/?cursor=garbage',
  'a cursor with characters outside base64': '/?cursor=%E2%9C%93%20%2F..',
  'a cursor of another sort order': `/?cursor=${cursor({ sort: 'price_asc', price: 1000, id: someId })}`,
  'a cursor with a huge price': `/?sort=price_asc&cursor=${cursor({ sort: 'price_asc', price: 1e300, id: someId })}`,
  'a cursor with a price beyond the price column': `/?sort=price_asc&cursor=${cursor({ sort: 'price_asc', price: 2 ** 40, id: someId })}`,
  'a cursor that is not JSON': `/?cursor=${Buffer.from('{"sort":').toString('base64url')}`,
  'a search with a NUL byte': '/?q=a%00b',
  'a search with control characters': '/?q=%01%1F%7Fmug',
};

for (const [what, url] of Object.entries(tampered)) {
  test(`the catalog shows products or a plain message for ${what}`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
    await expect(
      page
        .getByRole('list', { name: 'Products' })
        .or(page.getByText('No products match.'))
        .or(page.getByRole('heading', { level: 1, name: 'We could not read that search' })),
    ).toBeVisible();
  });
}

test('a broken page link falls back to the first page and says so', async ({ page }) => {
  await page.goto('/?cursor=garbage');
  await expect(page.getByRole('heading', { level: 1, name: 'All products' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('listitem')).toHaveCount(12);
  await expect(page.getByText('That page link no longer works')).toBeVisible();
});
