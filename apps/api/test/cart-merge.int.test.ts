/**
 * The guest cart's merge on log-in under concurrency. A transaction holding a row lock makes the
 * interleavings that used to lose or double quantities happen every time: the test waits until the
 * contenders are blocked (pg_stat_activity) before it lets them go.
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
import {
  createCaller,
  createContext,
  createMemoryCookieJar,
  guestCartCookie,
  hashToken,
} from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('cart_merge');
});
afterAll(async () => {
  await h.close();
});

/** A browser that already carries `cookies` (another tab, or a request sent twice). */
function browserWith(cookies: Record<string, string>) {
  const jar = createMemoryCookieJar(cookies);
  return createCaller(() => createContext({ db: h.prisma, cookies: jar }));
}

async function waitForLockWaiters(count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await h.prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} sessions waiting on a lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `lock` in a transaction that stays open until the returned `release` is called. */
async function holdLock(
  lock: (tx: Parameters<Parameters<Harness['prisma']['$transaction']>[0]>[0]) => Promise<unknown>,
) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = h.prisma.$transaction(
    async (tx) => {
      await lock(tx);
      locked();
      await released;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

async function quantityOf(userId: string, productId: string): Promise<number | undefined> {
  const item = await h.prisma.cartItem.findFirst({
    where: { productId, cart: { userId } },
    select: { quantity: true },
  });
  return item?.quantity;
}

/** An account whose cart holds `accountQuantity` of a product, and a guest cart holding 2 of it. */
async function accountAndGuestCart(accountQuantity: number) {
  const product = await createProduct(h.prisma, { stock: 50 });
  const account = await signedUpShopper(h.prisma);
  await account.caller.cart.add({ productId: product.id, quantity: accountQuantity });
  const guest = browser(h.prisma);
  await guest.caller.cart.add({ productId: product.id, quantity: 2 });
  const guestToken = guest.cookies.get(guestCartCookie) ?? '';
  expect(guestToken).not.toBe('');
  return { product, account, guestToken, guestTokenHash: hashToken(guestToken) };
}

describe('merging the guest cart on log-in, concurrently', () => {
  it('counts the guest quantity once when two log-ins with the same guest cookie overlap', async () => {
    const { product, account, guestToken, guestTokenHash } = await accountAndGuestCart(1);
    const logIn = () =>
      browserWith({ [guestCartCookie]: guestToken }).auth.logIn({ email: account.email, password });

    // Hold the guest cart's row: the first merge gets as far as it can and waits there; then the
    // second one starts and does the same.
    const release = await holdLock(
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "Cart" WHERE "guestTokenHash" = ${guestTokenHash} FOR UPDATE`,
    );
    const first = logIn();
    await waitForLockWaiters(1);
    const second = logIn();
    await waitForLockWaiters(2);
    await release();
    await Promise.all([first, second]);

    expect(await quantityOf(account.user.id, product.id)).toBe(1 + 2);
    expect(await h.prisma.cart.count({ where: { guestTokenHash } })).toBe(0);
  });

  it('keeps an add to the account cart that lands while the merge runs', async () => {
    const { product, account, guestToken } = await accountAndGuestCart(1);
    const cart = await h.prisma.cart.findUniqueOrThrow({ where: { userId: account.user.id } });

    // Hold the account's line: the add waits on it first, then the merge (having read whatever it
    // reads) waits behind it; the add goes through first.
    const release = await holdLock(
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "CartItem" WHERE "cartId" = ${cart.id}::uuid AND "productId" = ${product.id}::uuid FOR UPDATE`,
    );
    const add = account.caller.cart.add({ productId: product.id, quantity: 1 });
    await waitForLockWaiters(1);
    const merge = browserWith({ [guestCartCookie]: guestToken }).auth.logIn({
      email: account.email,
      password,
    });
    await waitForLockWaiters(2);
    await release();
    await Promise.all([add, merge]);

    expect(await quantityOf(account.user.id, product.id)).toBe(1 + 1 + 2);
  });

  it('merges many log-ins and adds at once without losing or doubling anything', async () => {
    const { product, account, guestToken } = await accountAndGuestCart(1);
    await Promise.all([
      ...Array.from({ length: 4 }, () =>
        browserWith({ [guestCartCookie]: guestToken }).auth.logIn({
          email: account.email,
          password,
        }),
      ),
      ...Array.from({ length: 4 }, () =>
        account.caller.cart.add({ productId: product.id, quantity: 1 }),
      ),
    ]);
    expect(await quantityOf(account.user.id, product.id)).toBe(1 + 2 + 4);
  });
});
