import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  address,
  approvedCard,
  loggedInAdmin,
  startHarness,
  type Browser,
  type Harness,
} from './harness';

let h: Harness;
let admin: Browser;
beforeAll(async () => {
  h = await startHarness('malformed');
  admin = await loggedInAdmin(h.prisma);
});
afterAll(async () => {
  await h.close();
});

const id = '00000000-0000-4000-8000-000000000000';
const validPlace = {
  idempotencyKey: 'key-12345678',
  shippingAddress: address,
  payment: approvedCard,
};

type Call = (input: unknown) => Promise<unknown>;

/** Every procedure that takes input, with inputs it must refuse with BAD_REQUEST (never a 500). */
const cases: [string, (b: Browser) => Call, unknown[]][] = [
  [
    'catalog.list',
    (b) => (i) => b.caller.catalog.list(i as never),
    [
      'x',
      { limit: 0 },
      { limit: 101 },
      { limit: 2.5 },
      { sort: 'cheapest' },
      { q: 'x'.repeat(101) },
      { q: 42 },
      { category: 'Not A Slug' },
      { cursor: 7 },
      { cursor: 'x'.repeat(501) },
    ],
  ],
  [
    'catalog.get',
    (b) => (i) => b.caller.catalog.get(i as never),
    [undefined, null, {}, { slug: '' }, { slug: 'UPPER' }, { slug: 1 }],
  ],
  [
    'auth.signUp',
    (b) => (i) => b.caller.auth.signUp(i as never),
    [
      undefined,
      {},
      { name: 'A', email: 'not-an-email', password: 'long-enough' },
      { name: 'A', email: 'a@shop.test', password: 'short' },
      { name: '', email: 'a@shop.test', password: 'long-enough' },
      { name: 'A', email: 'a@shop.test', password: 'x'.repeat(129) },
      { name: ['A'], email: 'a@shop.test', password: 'long-enough' },
    ],
  ],
  [
    'auth.logIn',
    (b) => (i) => b.caller.auth.logIn(i as never),
    [
      undefined,
      {},
      { email: 'a@shop.test' },
      { email: 'nope', password: 'x' },
      { email: 'a@shop.test', password: '' },
    ],
  ],
  [
    'auth.changePassword',
    (b) => (i) => b.caller.auth.changePassword(i as never),
    [
      undefined,
      {},
      { currentPassword: 'admin-password' },
      { currentPassword: 'whatever1', newPassword: 'short' },
      { currentPassword: 'same-password', newPassword: 'same-password' },
    ],
  ],
  [
    'cart.add',
    (b) => (i) => b.caller.cart.add(i as never),
    [
      undefined,
      {},
      { productId: 'abc', quantity: 1 },
      { productId: id, quantity: 0 },
      { productId: id, quantity: -1 },
      { productId: id, quantity: 1.5 },
      { productId: id, quantity: '1' },
      { productId: id, quantity: 100 },
    ],
  ],
  [
    'cart.update',
    (b) => (i) => b.caller.cart.update(i as never),
    [undefined, { productId: id }, { productId: id, quantity: -1 }, { productId: 5, quantity: 1 }],
  ],
  [
    'cart.remove',
    (b) => (i) => b.caller.cart.remove(i as never),
    [undefined, {}, { productId: 'x' }],
  ],
  [
    'orders.place',
    (b) => (i) => b.caller.orders.place(i as never),
    [
      undefined,
      {},
      { ...validPlace, idempotencyKey: 'short' },
      { ...validPlace, shippingAddress: { ...address, country: 'Korea' } },
      { ...validPlace, shippingAddress: { ...address, fullName: '' } },
      { ...validPlace, shippingAddress: { ...address, postalCode: '!' } },
      { ...validPlace, payment: { ...approvedCard, cardNumber: '4242424242424241' } },
      { ...validPlace, payment: { ...approvedCard, cardNumber: 'abcd' } },
      { ...validPlace, payment: { ...approvedCard, expiry: '13/30' } },
      { ...validPlace, payment: { ...approvedCard, expiry: '01/20' } },
      { ...validPlace, payment: { ...approvedCard, cvc: '12' } },
      { ...validPlace, shippingAddress: null },
    ],
  ],
  [
    'orders.get',
    (b) => (i) => b.caller.orders.get(i as never),
    [undefined, {}, { id: 'not-a-uuid' }, { id: 1 }],
  ],
  [
    'orders.cancel',
    (b) => (i) => b.caller.orders.cancel(i as never),
    [undefined, { id: 'not-a-uuid' }],
  ],
  [
    'admin.orders.list',
    (b) => (i) => b.caller.admin.orders.list(i as never),
    [{ status: 'LOST' }, { status: 1 }, 'PAID'],
  ],
  [
    'admin.orders.ship',
    (b) => (i) => b.caller.admin.orders.ship(i as never),
    [undefined, { id: '' }],
  ],
  [
    'admin.orders.deliver',
    (b) => (i) => b.caller.admin.orders.deliver(i as never),
    [undefined, { id: null }],
  ],
];

describe('malformed input', () => {
  for (const [procedure, call, inputs] of cases) {
    it.each(inputs.map((input) => [JSON.stringify(input) ?? 'undefined', input]))(
      `${procedure}(%s) → BAD_REQUEST`,
      async (_label, input) => {
        await expect(call(admin)(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      },
    );
  }
});

describe('input that used to reach the database and fail there (500)', () => {
  const forge = (cursor: Record<string, unknown>) =>
    Buffer.from(JSON.stringify(cursor)).toString('base64url');
  const inputs: [string, unknown][] = [
    ['a NUL in the search text', { q: 'a\u0000b' }],
    ['a lone surrogate in the search text', { q: 'tea \uD83D' }],
    ['a NUL in the category', { category: 'tea\u0000' }],
    [
      'a cursor with a price beyond the Int column',
      {
        sort: 'price_asc',
        cursor: forge({ sort: 'price_asc', price: 2 ** 31, id }),
      },
    ],
    [
      'a cursor with a huge negative price',
      {
        sort: 'price_desc',
        cursor: forge({ sort: 'price_desc', price: -(2 ** 40), id }),
      },
    ],
    [
      'a cursor in year 0',
      {
        sort: 'newest',
        cursor: forge({ sort: 'newest', createdAt: '0000-01-01T00:00:00.000Z', id }),
      },
    ],
    [
      'a relevance cursor in year 0',
      {
        q: 'tea',
        cursor: forge({ sort: 'relevance', rank: 1, createdAt: '0000-01-01T00:00:00.000Z', id }),
      },
    ],
  ];

  it.each(inputs)('catalog.list with %s → BAD_REQUEST', async (_label, input) => {
    await expect(admin.caller.catalog.list(input as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
