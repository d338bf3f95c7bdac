/**
 * A guest's add that lands while log-in merges (and deletes) that guest cart. The merge is made to
 * win the guest cart's row lock: a transaction holds it until the log-in and then the add wait on
 * it (pg_stat_activity), then lets them go in that order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  createProduct,
  password,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';
import { holdLock, waitForLockWaiters } from './locks';
import {
  createCaller,
  createContext,
  createMemoryCookieJar,
  guestCartCookie,
  hashToken,
} from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('cart_merge_add');
});
afterAll(async () => {
  await h.close();
});

function browserWith(cookies: Record<string, string>) {
  const jar = createMemoryCookieJar(cookies);
  return createCaller(() => createContext({ db: h.prisma, cookies: jar }));
}

const holdGuestCart = (guestTokenHash: string) =>
  holdLock(
    h,
    (tx) =>
      tx.$queryRaw`SELECT 1 FROM "Cart" WHERE "guestTokenHash" = ${guestTokenHash} FOR UPDATE`,
  );

describe('a guest add while log-in merges that guest cart', () => {
  it('answers a clear CONFLICT instead of a server error, and the merge keeps the earlier lines', async () => {
    const product = await createProduct(h.prisma, { stock: 50 });
    const later = await createProduct(h.prisma, { stock: 50 });
    const account = await signedUpShopper(h.prisma);
    const guest = browser(h.prisma);
    await guest.caller.cart.add({ productId: product.id, quantity: 2 });
    const guestToken = guest.cookies.get(guestCartCookie) ?? '';
    const guestTokenHash = hashToken(guestToken);

    const release = await holdGuestCart(guestTokenHash);
    const logIn = browserWith({ [guestCartCookie]: guestToken }).auth.logIn({
      email: account.email,
      password,
    });
    await waitForLockWaiters(h, 1);
    const add = browserWith({ [guestCartCookie]: guestToken })
      .cart.add({ productId: later.id, quantity: 1 })
      .then(
        () => null,
        (error: unknown) => error,
      );
    await waitForLockWaiters(h, 2);
    await release();
    await logIn;

    expect(await add).toMatchObject({
      code: 'CONFLICT',
      message: 'Your cart has just moved to your account. Please try again.',
    });
    const cart = await account.caller.cart.get();
    expect(cart.items.map((item) => [item.product.id, item.quantity])).toEqual([[product.id, 2]]);
    expect(await h.prisma.cart.count({ where: { guestTokenHash } })).toBe(0);
  });
});
