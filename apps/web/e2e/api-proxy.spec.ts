import { expect, test, type Response } from '@playwright/test';
import { addToCart, fillSignUp, newShopper, openProduct } from './helpers';
import { apiUrl, e2eSettings } from './support/settings';

// The browser talks to the API only through the web's same-origin /api/trpc; nothing that comes
// back may tell it where the API really lives.
const apiAddresses = [
  new URL(apiUrl).host,
  `localhost:${e2eSettings.apiPort}`,
  '127.0.0.1:4100',
  'localhost:4100',
  '127.0.0.1:4000',
  'localhost:4000',
];

interface Seen {
  url: string;
  status: number;
  headers: { name: string; value: string }[];
  body: string;
}

async function record(response: Response): Promise<Seen> {
  return {
    url: response.url(),
    status: response.status(),
    headers: await response.headersArray(),
    body: await response.text().catch(() => ''),
  };
}

function expectNoApiAddress(seen: Seen[]) {
  for (const { url, headers, body } of seen) {
    const names = headers.map((header) => header.name.toLowerCase());
    expect(names, `${url} header names`).not.toContain('x-middleware-rewrite');
    const text = [...headers.map((h) => `${h.name}: ${h.value}`), body].join('\n');
    for (const address of apiAddresses)
      expect(text, `${url} names ${address}`).not.toContain(address);
  }
}

test('a cart add through /api/trpc works, sets its cookies, and never names the API address', async ({
  page,
  context,
}) => {
  const pending: Promise<Seen>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/trpc/')) pending.push(record(response));
  });

  await openProduct(page, 'notebook', 'Dot Grid Notebook, A5');
  await addToCart(page, 'Dot Grid Notebook, A5');
  await expect(page.locator('#cart-count')).toHaveText('1');
  const guestCookie = (await context.cookies()).find((cookie) => cookie.name === 'shop_cart');
  expect(guestCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

  await page.getByRole('link', { name: 'Cart', exact: true }).click();
  await page.getByLabel('Quantity of Dot Grid Notebook, A5').selectOption('2');
  await expect(page.locator('#cart-count')).toHaveText('2');

  // Signing up answers with two Set-Cookie headers: the session, and the guest cart cleared.
  await page.goto('/signup');
  await fillSignUp(page, newShopper('proxy'));
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  const names = (await context.cookies()).map((cookie) => cookie.name);
  expect(names).toContain('shop_session');
  expect(names).not.toContain('shop_cart');
  await expect(page.locator('#cart-count')).toHaveText('2');

  const seen = await Promise.all(pending);
  const posted = seen.map((entry) => new URL(entry.url).pathname);
  expect(posted).toEqual(
    expect.arrayContaining([
      '/api/trpc/cart.add',
      '/api/trpc/cart.update',
      '/api/trpc/auth.signUp',
    ]),
  );
  const signUp = seen.find((entry) => entry.url.includes('/api/trpc/auth.signUp'));
  const setCookies = signUp?.headers.filter((h) => h.name.toLowerCase() === 'set-cookie') ?? [];
  expect(setCookies.map((h) => h.value).join('\n')).toMatch(
    /shop_session=[^;]+;[\s\S]*shop_cart=;/,
  );
  expectNoApiAddress(seen);
});

test('queries, API errors and non-procedure paths under /api/trpc never name the API address', async ({
  request,
}) => {
  const categories = await request.get('/api/trpc/catalog.categories');
  expect(categories.status()).toBe(200);
  expect(categories.headers()['content-type']).toContain('application/json');
  const unknown = await request.get('/api/trpc/no.such.procedure');
  expect(unknown.status()).toBe(404);
  const refused = await request.post('/api/trpc/cart.add', {
    data: { productId: 'not-a-uuid', quantity: 1 },
  });
  expect(refused.status()).toBe(400);
  const notAProcedure = await request.get('/api/trpc/..%2Fhealth');
  expect(notAProcedure.status()).toBe(404);

  const seen: Seen[] = [];
  for (const response of [categories, unknown, refused, notAProcedure]) {
    seen.push({
      url: response.url(),
      status: response.status(),
      headers: response.headersArray(),
      body: await response.text(),
    });
  }
  expect(seen[1]?.body).not.toMatch(/at .+\(.+:\d+:\d+\)/);
  expectNoApiAddress(seen);
});
