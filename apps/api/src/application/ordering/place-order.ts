import type { PlaceOrderInput } from '@shop/contract/orders';
import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { InvalidRequest } from '@shop/domain/shared/errors';
import type { Log } from '../log';
import type { CheckoutSettings } from './checkout-settings';
import type { OrderingDeps } from './deps';
import { replayCheckout } from './steps/replay-checkout';
import { reserveOrder } from './steps/reserve-order';
import { settlePayment } from './steps/settle-payment';

export interface PlaceOrderDeps {
  log: Log;
  checkout: CheckoutSettings;
  ordering: OrderingDeps;
}

/**
 * Checkout: reserve stock and record a PENDING_PAYMENT order in one transaction, charge the card,
 * then settle. The same idempotency key always leads back to the same order and a single charge.
 * If settling fails the order is released (cancelled, stock returned, an approved charge refunded);
 * if even that fails, the reservation's time limit releases it (expire-reservations.ts).
 */
export async function placeOrder(
  deps: PlaceOrderDeps,
  userId: string,
  input: PlaceOrderInput,
): Promise<OrderDetails> {
  const { orderQueries, carts } = deps.ordering;
  const cart = (await carts.findByOwner(null, { userId }))?.lines ?? [];
  const address = input.shippingAddress;
  const earlier = await orderQueries.findByKey(userId, input.idempotencyKey);
  if (earlier) return replayCheckout(deps, earlier, cart, address);
  if (cart.length === 0) throw new InvalidRequest('Your cart is empty');

  let orderId: string;
  try {
    orderId = await reserveOrder(deps.ordering, userId, input, cart);
  } catch (error) {
    // A simultaneous attempt with this key got in first (the key was taken, or the cart it held
    // refused this one): answer as it does.
    const winner = await orderQueries.findByKey(userId, input.idempotencyKey);
    if (!winner) throw error;
    return replayCheckout(deps, winner, cart, address);
  }
  return settlePayment(deps, orderId, userId, input.payment.cardNumber);
}
