/**
 * Each guest's first change to a cart creates a cart row, so guest carts are limited per client
 * address: past the limit a new guest cart is refused with 429 and nothing is created, however the
 * requests arrive (one after another or all at once). A guest who already has a cart is not held
 * back, and callers in the same process have no address and are not limited.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, startHarness, type Harness } from './harness';
import { captureLog } from './observe';
import {
  createCaller,
  createContext,
  createMemoryCookieJar,
  createServer,
  type ServerOptions,
} from '../src/testing';

let h: Harness;
let productId = '';
const servers: Server[] = [];
const origin = 'http://localhost:3000';

async function listen(options: Partial<ServerOptions>): Promise<string> {
  const server = createServer({ db: h.prisma, allowedOrigins: [origin], ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  h = await startHarness('guest_cart_limit');
  productId = (await createProduct(h.prisma, { stock: 1_000 })).id;
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await h.close();
});

interface Outcome {
  error?: { message: string; data: { code: string } };
}

/** One cart change over HTTP from `address` (through the trusted local proxy). */
function change(
  url: string,
  address: string,
  { procedure = 'cart.add', cookie }: { procedure?: string; cookie?: string } = {},
) {
  return fetch(`${url}/trpc/${procedure}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin,
      'x-forwarded-for': address,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ productId, quantity: 1 }),
  });
}

/** The `name=value` of the cart cookie an answer set, if any. */
const cartCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('shop_cart='));

const carts = () => h.prisma.cart.count();

describe('new guest carts per client address', () => {
  it('refuses a new guest cart past the limit with 429 and creates nothing', async () => {
    const { lines, logger } = captureLog();
    const url = await listen({ guestCartLimit: { max: 3, windowMinutes: 60 }, logger });
    const first = await change(url, '198.51.100.1');
    expect(first.status).toBe(200);
    const firstCookie = cartCookie(first);
    expect(firstCookie).toBeDefined();
    expect((await change(url, '198.51.100.1')).status).toBe(200);
    // A first change through update opens a cart too, and counts the same.
    expect((await change(url, '198.51.100.1', { procedure: 'cart.update' })).status).toBe(200);
    const before = await carts();

    const refused = await change(url, '198.51.100.1');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as Outcome).error?.message).toMatch(
      /^Too many new carts from your network\. Try again in \d+ minutes\.$/,
    );
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(cartCookie(refused)).toBeUndefined();
    expect((await change(url, '198.51.100.1', { procedure: 'cart.update' })).status).toBe(429);
    expect(await carts()).toBe(before);
    expect(lines.filter((line) => line.event === 'cart.guest_cart_throttled')).toEqual([
      expect.objectContaining({ level: 40, clientAddress: '198.51.100.1' }),
      expect.objectContaining({ level: 40, clientAddress: '198.51.100.1' }),
    ]);

    // A guest who has a cart still changes it; another address still gets a new one.
    expect((await change(url, '198.51.100.1', { cookie: firstCookie })).status).toBe(200);
    expect((await change(url, '198.51.100.2')).status).toBe(200);
    expect(await carts()).toBe(before + 1);
  });

  it('counts a made-up cart cookie as a new cart', async () => {
    const url = await listen({ guestCartLimit: { max: 1, windowMinutes: 60 } });
    expect((await change(url, '198.51.100.3', { cookie: 'shop_cart=made-up-1' })).status).toBe(200);
    const before = await carts();
    expect((await change(url, '198.51.100.3', { cookie: 'shop_cart=made-up-2' })).status).toBe(429);
    expect(await carts()).toBe(before);
  });

  it('holds under a burst: of many simultaneous first adds, only the limit get a cart', async () => {
    const url = await listen({ guestCartLimit: { max: 5, windowMinutes: 60 } });
    const before = await carts();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => change(url, '198.51.100.4')),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    expect(await carts()).toBe(before + 5);
  });

  it('does not limit in-process callers, which have no address', async () => {
    const before = await carts();
    for (let i = 0; i < 3; i++) {
      const caller = createCaller(() =>
        createContext({
          db: h.prisma,
          cookies: createMemoryCookieJar(),
          guestCartLimit: { max: 1, windowMinutes: 60 },
        }),
      );
      await expect(caller.cart.add({ productId, quantity: 1 })).resolves.toMatchObject({
        itemCount: 1,
      });
    }
    expect(await carts()).toBe(before + 3);
  });
});
