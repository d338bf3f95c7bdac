import type { PlaceOrderInput } from '@shop/contract/orders';
import { sagaRefusal } from '@shop/domain/ordering/checkout-outcome';
import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { InvalidRequest, OrderNotFound } from '@shop/domain/shared/errors';
import type { Log } from '../log';
import type { CheckoutSettings } from './checkout-settings';
import type { OrderingDeps } from './deps';
import { replayCheckout } from './steps/replay-checkout';
import { reserveOrder } from './steps/reserve-order';

export interface PlaceOrderDeps {
  log: Log;
  checkout: CheckoutSettings;
  ordering: OrderingDeps;
}

/**
 * Checkout, the saga's first step and its wait: the card goes to the card processor and comes
 * back as a payment method id; the stock is reserved and the order recorded with
 * `ordering.OrderPlaced` in the outbox, in one transaction; then the payment service charges the
 * card on its own time and this request waits, a bounded `checkout.waitMs`, for the saga to come to
 * rest. It answers as checkout always has — the paid order, or why not — and past the bound the
 * order as PENDING_PAYMENT, which the order page follows until it settles. The same idempotency
 * key always leads back to the same order, and payment charges each order once.
 */
export async function placeOrder(
  deps: PlaceOrderDeps,
  userId: string,
  input: PlaceOrderInput,
): Promise<OrderDetails> {
  const { orderQueries, carts, paymentMethods } = deps.ordering;
  const cart = (await carts.findByOwner(null, { userId }))?.lines ?? [];
  const address = input.shippingAddress;
  const earlier = await orderQueries.findByKey(userId, input.idempotencyKey);
  if (earlier) return replayCheckout(deps, earlier, cart, address);
  if (cart.length === 0) throw new InvalidRequest('Your cart is empty');

  const paymentMethod = await paymentMethods.register(input.payment);
  let orderId: string;
  try {
    orderId = await reserveOrder(deps.ordering, userId, input, cart, paymentMethod.id);
  } catch (error) {
    // A simultaneous attempt with this key got in first (the key was taken, or the cart it held
    // refused this one): answer as it does.
    const winner = await orderQueries.findByKey(userId, input.idempotencyKey);
    if (!winner) throw error;
    return replayCheckout(deps, winner, cart, address);
  }
  const saga = await deps.ordering.settlements.waitUntilAtRest(orderId, deps.checkout.waitMs);
  const order = await orderQueries.findById(orderId);
  if (!order) throw new OrderNotFound();
  const refusal = sagaRefusal(saga, order);
  if (refusal === 'failed') {
    // Payment could not be made or settled; the saga released the order (its steps say why).
    throw new Error(`Checkout of order ${orderId} failed: the payment could not be settled`);
  }
  if (refusal) throw refusal;
  return order;
}
