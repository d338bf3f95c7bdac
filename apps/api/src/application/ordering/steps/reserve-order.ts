import { randomUUID } from 'node:crypto';
import type { PlaceOrderInput } from '@shop/contract/orders';
import { productUnavailable } from '@shop/domain/inventory/stock-item';
import { sumPerProduct, type StockRequest } from '@shop/domain/inventory/stock-requests';
import { RequestFingerprint } from '@shop/domain/ordering/fingerprint';
import { IdempotencyKey } from '@shop/domain/ordering/idempotency-key';
import { Order } from '@shop/domain/ordering/order';
import { priceLines } from '@shop/domain/ordering/price-lines';
import { ShippingAddress } from '@shop/domain/ordering/shipping-address';
import type { OrderingDeps } from '../deps';

/**
 * Checkout's first step, all or nothing: the units taken (product rows locked in id order, rule
 * 3 checked by each StockItem), and the order awaiting payment placed at the catalog's prices
 * (rule 2) under its key, the cart held meanwhile (`Cart.beginCheckout`: one checkout at a time).
 * A key another attempt holds makes the save throw IdempotencyKeyTaken, and the transaction gives
 * the units back. The saga starts here, and the unit of work writes `ordering.OrderPlaced` — which
 * asks the payment service to charge the card behind `paymentMethodId` — into the outbox with it.
 * Answers the order's id.
 */
export async function reserveOrder(
  deps: OrderingDeps,
  userId: string,
  input: PlaceOrderInput,
  cart: readonly StockRequest[],
  paymentMethodId: string,
): Promise<string> {
  const address = ShippingAddress.of(input.shippingAddress);
  const requests = sumPerProduct(cart);
  const catalog = await deps.products.findByIds(requests.map((line) => line.productId));
  const order = await deps.unitOfWork(async (tx) => {
    const at = deps.clock.now();
    // The cart first (then the products, as a cart change does): one checkout of a cart at a time.
    const { cart: held, awaitingPayment } = await deps.carts.findForCheckout(tx, userId);
    held.beginCheckout(requests, awaitingPayment);
    const items = new Map(
      (
        await deps.stock.findForUpdate(
          tx,
          requests.map((line) => line.productId),
        )
      ).map((item) => [item.productId, item]),
    );
    for (const { productId, quantity } of requests) {
      const item = items.get(productId);
      if (!item || !catalog.has(productId)) throw productUnavailable();
      item.reserve(quantity, at);
    }
    const prices = [...catalog.values()].map((product) => ({
      productId: product.id,
      name: product.name,
      price: product.price,
    }));
    const order = Order.place({
      id: randomUUID(),
      userId,
      idempotencyKey: IdempotencyKey.of(input.idempotencyKey),
      requestHash: RequestFingerprint.of(cart, address),
      shippingAddress: address,
      lines: priceLines(requests, prices),
      placedAt: at,
      paymentMethodId,
    });
    await deps.stock.save(tx, [...items.values()]);
    await deps.orders.save(tx, order);
    await deps.sagas.record(
      tx,
      order.id,
      'placed',
      `Order recorded and ${requests.reduce((sum, line) => sum + line.quantity, 0)} unit(s) reserved; payment asked to charge ${order.total.amount} ${order.total.currency}.`,
    );
    return order;
  });
  return order.id;
}
