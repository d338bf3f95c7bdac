import { setTimeout as sleep } from 'node:timers/promises';
import type { ShippingAddress } from '@shop/contract/orders';
import type { StockRequest } from '@shop/domain/inventory/stock-requests';
import { replayRefusal } from '@shop/domain/ordering/checkout-outcome';
import { RequestFingerprint } from '@shop/domain/ordering/fingerprint';
import { OrderNotFound } from '@shop/domain/shared/errors';
import { now } from '../../infrastructure/clock';
import { getOrderById, type OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';
import type { CheckoutSettings } from './checkout-settings';
import type { OrderingDeps } from './deps';

/**
 * A repeated key: refused for another cart or address (the cart may be empty by now: the order's
 * own lines stand in), else it waits for the first attempt's outcome and answers the same.
 */
export async function replayCheckout(
  {
    db,
    checkout,
    ordering,
  }: { db: Db; checkout: Pick<CheckoutSettings, 'replayWaitMs'>; ordering: OrderingDeps },
  order: OrderRow,
  cart: readonly StockRequest[],
  address: ShippingAddress,
): Promise<OrderRow> {
  const first = await ordering.orders.findById(null, order.id);
  if (!first) throw new OrderNotFound();
  first.assertSameRequest(RequestFingerprint.of(cart.length > 0 ? cart : order.lines, address));
  const settled = await waitUntilSettled(db, order, checkout.replayWaitMs);
  const refusal = replayRefusal(settled);
  if (refusal) throw refusal;
  return settled;
}

async function waitUntilSettled(db: Db, order: OrderRow, waitMs: number): Promise<OrderRow> {
  const deadline = now().getTime() + waitMs;
  let current = order;
  // Prisma reads the relations in separate queries: only the order's own status is a safe signal.
  while (current.status === 'PENDING_PAYMENT' && now().getTime() < deadline) {
    await sleep(50);
    current = await getOrderById(db, order.id);
  }
  return current;
}
