import { expect, test } from '@playwright/test';

// Search engines and slow phones see the catalog before any script runs: the first HTML has it.
test('the catalog and product pages arrive already rendered in the first HTML', async ({
  request,
}) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  const homeHtml = await home.text();
  const firstProduct = /href="\/products\/([a-z0-9-]+)"/.exec(homeHtml);
  expect(firstProduct, 'the home page links to products without running scripts').not.toBeNull();
  expect(homeHtml).toMatch(/₩[\d,]+/);

  const slug = firstProduct![1]!;
  const product = await request.get(`/products/${slug}`);
  expect(product.status()).toBe(200);
  const productHtml = await product.text();
  expect(productHtml).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
  expect(productHtml).toMatch(/In stock|Only \d+ left|Sold out/);
});
