import { expect, test } from '@playwright/test';

// A lone or broken percent escape cannot be decoded; it is the client's mistake, not the server's.
const malformed = [
  '/products/%',
  '/orders/%',
  '/api/trpc/auth.me%',
  '/products/%E0%A4%A',
  '/admin/orders/%zz',
];

for (const path of malformed) {
  test(`${path} is a 400 with no stack trace`, async ({ request }) => {
    const asPrefetch: Record<string, string> = { 'next-router-prefetch': '1', rsc: '1' };
    for (const headers of [{}, asPrefetch]) {
      const response = await request.get(path, { headers });
      expect(response.status(), JSON.stringify(headers)).toBe(400);
      const body = await response.text();
      expect(body).not.toMatch(/at .+:\d+:\d+|URIError|DecodeError|Internal Server Error/);
    }
  });
}

test('a percent escape that decodes still reaches the page it names', async ({ request }) => {
  expect((await request.get('/products/linen%2Dapron')).status()).toBe(200);
  expect((await request.get('/api/trpc/cart%2Eget')).status()).toBe(404);
});
