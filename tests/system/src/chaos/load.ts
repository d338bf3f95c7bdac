/**
 * The chaos run's traffic: checkouts over HTTP at a steady rate — checkout `i` is due at `i / rate`
 * seconds whatever happened to the ones before — by a crowd of signed-up shoppers. A shopper adds a
 * product to the cart and places the order with the approved test card; when `orders.place`
 * answers PENDING_PAYMENT the shopper watches the order (as the order page does) until it settles,
 * because the shop takes one checkout per cart at a time. A due checkout waits for a free shopper
 * only when every shopper is busy; that shows up as "late".
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Product } from '../catalog-fixtures';
import type { OrderView, ShopClient } from '../shop-client';
import type { Random } from './random';

/** How often a shopper whose order awaits payment looks at it again, and for how long at most. */
const watchEveryMs = 1_000;
const watchAtMostMs = 5 * 60_000;

export interface CheckoutResult {
  orderId?: string;
  /** What `orders.place` answered: PAID within CHECKOUT_WAIT_MS, else PENDING_PAYMENT. */
  answered?: string;
  error?: string;
  ms: number;
}

export interface LoadResult {
  checkouts: CheckoutResult[];
  /** Checkouts that started more than a second after they were due (every shopper busy). */
  late: number;
  durationMs: number;
}

export async function runLoad(options: {
  shoppers: ShopClient[];
  products: Product[];
  orders: number;
  /** Checkouts per second. */
  rate: number;
  random: Random;
  /** Called every ~10 s with a progress line. */
  progress: (line: string) => void;
}): Promise<LoadResult> {
  const { products, orders, rate, random } = options;
  const free = [...options.shoppers];
  const waiting: ((shopper: ShopClient) => void)[] = [];
  const checkouts: CheckoutResult[] = [];
  const running = new Set<Promise<void>>();
  const started = Date.now();
  let late = 0;
  let lastProgress = started;

  const takeShopper = () =>
    free.pop() ?? new Promise<ShopClient>((resolve) => waiting.push(resolve));
  const giveBack = (shopper: ShopClient) => {
    const next = waiting.shift();
    if (next) next(shopper);
    else free.push(shopper);
  };

  async function checkout(shopper: ShopClient): Promise<void> {
    const begun = Date.now();
    let order: OrderView;
    try {
      await shopper.addToCart(random.pick(products).id, 1 + Math.floor(random.next() * 2));
      order = await shopper.placeOrder();
    } catch (error) {
      checkouts.push({
        error: error instanceof Error ? error.message : String(error),
        ms: Date.now() - begun,
      });
      return;
    }
    checkouts.push({ orderId: order.id, answered: order.status, ms: Date.now() - begun });
    let status = order.status;
    const giveUpAt = Date.now() + watchAtMostMs;
    while (status === 'PENDING_PAYMENT' && Date.now() < giveUpAt) {
      await sleep(watchEveryMs);
      status = await shopper.order(order.id).then(
        (seen) => seen.status,
        () => status,
      );
    }
  }

  for (let i = 0; i < orders; i++) {
    const due = started + (i * 1000) / rate;
    await sleep(Math.max(0, due - Date.now()));
    const shopper = await takeShopper();
    if (Date.now() - due > 1000) late++;
    const task = checkout(shopper).finally(() => {
      running.delete(task);
      giveBack(shopper);
    });
    running.add(task);
    if (Date.now() - lastProgress >= 10_000) {
      lastProgress = Date.now();
      const failed = checkouts.filter((result) => result.error).length;
      options.progress(
        `load: ${i + 1}/${orders} checkouts started, ${checkouts.length} answered` +
          (failed ? `, ${failed} failed` : ''),
      );
    }
  }
  await Promise.all(running);
  return { checkouts, late, durationMs: Date.now() - started };
}
