import { setTimeout as sleep } from 'node:timers/promises';
import type { ShippingAddress } from '@shop/contract/orders';
import type { StockRequest } from '@shop/domain/inventory/stock-requests';
import { replayRefusal } from '@shop/domain/ordering/checkout-outcome';
import { RequestFingerprint } from '@shop/domain/ordering/fingerprint';
import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { OrderNotFound } from '@shop/domain/shared/errors';
import type { CheckoutSettings } from '../checkout-settings';
import type { OrderingDeps } from '../deps';

/**
 * A repeated key: refused for another cart or address (the cart may be empty by now: the order's
 * own lines stand in), else it waits for the first attempt's outcome and answers the same.
 */
export async function replayCheckout(
  {
    checkout,
    ordering,
  }: { checkout: Pick<CheckoutSettings, 'replayWaitMs'>; ordering: OrderingDeps },
  order: OrderDetails,
  cart: readonly StockRequest[],
  address: ShippingAddress,
): Promise<OrderDetails> {
  const first = await ordering.orders.findById(null, order.id);
  if (!first) throw new OrderNotFound();
  first.assertSameRequest(RequestFingerprint.of(cart.length > 0 ? cart : order.lines, address));
  const settled = await waitUntilSettled(ordering, order, checkout.replayWaitMs);
  const refusal = replayRefusal(settled);
  if (refusal) throw refusal;
  return settled;
}

async function waitUntilSettled(
  { orderQueries, clock }: OrderingDeps,
  order: OrderDetails,
  waitMs: number,
): Promise<OrderDetails> {
  const deadline = clock.now().getTime() + waitMs;
  let current = order;
  // Prisma reads the relations in separate queries: only the order's own status is a safe signal.
  while (current.status === 'PENDING_PAYMENT' && clock.now().getTime() < deadline) {
    await sleep(50);
    current = (await orderQueries.findById(order.id)) ?? current;
  }
  return current;
}
