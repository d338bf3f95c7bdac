// What the bench sends. Each scenario says what one measured request is; all run with the same autocannon settings.
import { randomUUID } from 'node:crypto';

/** The tRPC 11 HTTP wire without batching or transformer: queries are GET with `?input=<JSON>`, mutations POST JSON. */
const query = (path, input) => `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
export const allowedOrigin = 'http://127.0.0.1:3000';
const postHeaders = (cookie) => ({
  'content-type': 'application/json',
  origin: allowedOrigin,
  cookie,
});
const trpcData = (body) => body?.result?.data;

const checkoutInput = () => ({
  idempotencyKey: randomUUID(),
  shippingAddress: {
    fullName: 'Bench Shopper',
    address: '1 Bench Street',
    city: 'Seoul',
    postalCode: '04524',
    country: 'KR',
  },
  payment: { cardNumber: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' },
});

/** Shoppers with a filled cart, each used for exactly one checkout; topped up between warm-up and measurement. */
class CheckoutQueue {
  constructor(shoppers) {
    this.shoppers = shoppers;
    this.queue = [];
    this.exhausted = false;
  }

  async topUp(count) {
    if (count > 0) this.queue.push(...(await this.shoppers.create(count, { cart: true })));
  }

  next() {
    const shopper = this.queue.pop();
    if (shopper) return shopper;
    this.exhausted = true;
    this.onExhausted?.();
    return this.last;
  }
}

function checkoutScenario({ name, kind, url, path, shoppers, means, check, follow }) {
  const carts = new CheckoutQueue(shoppers);
  return {
    name,
    kind,
    url,
    means,
    check,
    follow,
    carts,
    warmupByAmount: true,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          const shopper = carts.next();
          carts.last = shopper;
          return {
            ...req,
            headers: postHeaders(shopper.cookie),
            body: JSON.stringify(checkoutInput()),
          };
        },
      },
    ],
  };
}

/** cart.add for a fixed set of shoppers, round-robin, each cycling through three products (carts stay at three lines). */
function cartAddScenario({ url, shoppers, users }) {
  let turn = 0;
  return {
    name: 'cart.add',
    url,
    means:
      'POST cart.add {productId, quantity: 1} as one of a fixed set of logged-in shoppers (3-line carts)',
    check: (data) => data.items.length >= 1,
    requests: [
      {
        method: 'POST',
        path: '/trpc/cart.add',
        setupRequest: (req) => {
          const n = turn++;
          const user = users[n % users.length];
          const product =
            shoppers.productIds[
              ((n % users.length) * 3 + (Math.floor(n / users.length) % 3)) %
                shoppers.productIds.length
            ];
          return {
            ...req,
            headers: postHeaders(user.cookie),
            body: JSON.stringify({ productId: product, quantity: 1 }),
          };
        },
      },
    ],
  };
}

export function buildScenarios({
  apiUrl,
  helloUrl,
  pgCheckoutUrl,
  slugs,
  searchTerm,
  rareTerm,
  shoppers,
  cartUsers,
}) {
  let nextSlug = 0;
  const catalogSize = slugs.length.toLocaleString('en');
  return [
    {
      name: 'ref:hello',
      kind: 'hello',
      url: helloUrl,
      means: 'GET / on a bare node:http server answering a constant 37-byte JSON',
      check: (data) => data.hello === 'world',
      requests: [{ method: 'GET', path: '/' }],
    },
    {
      name: 'catalog.list',
      url: apiUrl,
      means: 'GET catalog.list {sort: "newest", limit: 24}: the first page of the home page',
      check: (data) => data.items.length === 24,
      requests: [{ method: 'GET', path: query('catalog.list', { sort: 'newest', limit: 24 }) }],
    },
    {
      name: 'catalog.list+q',
      url: apiUrl,
      means: `GET catalog.list {q: "${searchTerm.word}", limit: 24} (relevance; ${searchTerm.matches} of ${catalogSize} products match)`,
      check: (data) => data.items.length > 0,
      requests: [{ method: 'GET', path: query('catalog.list', { q: searchTerm.word, limit: 24 }) }],
    },
    {
      name: 'catalog.list+q:rare',
      url: apiUrl,
      means: `GET catalog.list {q: "${rareTerm.word}", limit: 24} (relevance; a rare word: ${rareTerm.matches} of ${catalogSize} products match)`,
      check: (data) => data.items.length === Math.min(rareTerm.matches, 24),
      requests: [{ method: 'GET', path: query('catalog.list', { q: rareTerm.word, limit: 24 }) }],
    },
    {
      name: 'catalog.get',
      url: apiUrl,
      means: `GET catalog.get {slug}, slugs rotating over all ${catalogSize} products`,
      check: (data) => typeof data.slug === 'string',
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: query('catalog.get', { slug: slugs[nextSlug++ % slugs.length] }),
          }),
        },
      ],
    },
    cartAddScenario({ url: apiUrl, shoppers, users: cartUsers }),
    checkoutScenario({
      name: 'orders.place',
      kind: 'checkout',
      url: apiUrl,
      path: '/trpc/orders.place',
      shoppers,
      means:
        'POST orders.place, one per shopper whose cart holds 2 products (qty 1 + 2), card 4242…, fresh idempotency key; ' +
        'timed until the order is PAID (an answer PENDING_PAYMENT is followed with GET orders.get every 100 ms)',
      check: (data) => data.status === 'PAID' && data.lines.length === 2,
      // The shopper's order page: the same session asks for the order until it is settled.
      follow: (order, placed) => ({
        method: 'GET',
        path: query('orders.get', { id: order.id }),
        headers: { cookie: placed.headers.cookie },
      }),
    }),
    checkoutScenario({
      name: 'ref:pg-checkout',
      kind: 'pg-checkout',
      url: pgCheckoutUrl,
      path: '/checkout',
      shoppers,
      means:
        'POST /checkout: the same checkout as hand-written SQL with pg, same carts and input (no validation lib, no ORM)',
      check: (data) => data.status === 'PAID',
    }),
  ];
}

export { trpcData };
