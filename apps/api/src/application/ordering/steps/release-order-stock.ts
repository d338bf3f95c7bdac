import { sumPerProduct } from '@shop/domain/inventory/stock-requests';
import type { Order } from '@shop/domain/ordering/order';
import type { Tx } from '@shop/domain/shared/unit-of-work';
import type { OrderingDeps } from '../deps';

/**
 * Puts an order's units back on the shelf, product rows locked in id order like every checkout.
 * A product deleted since is skipped.
 */
export async function releaseOrderStock(
  { stock }: Pick<OrderingDeps, 'stock'>,
  tx: Tx,
  order: Order,
  at: Date,
): Promise<void> {
  const perProduct = new Map(
    sumPerProduct(order.lines).map(({ productId, quantity }) => [productId, quantity]),
  );
  const items = await stock.findForUpdate(tx, [...perProduct.keys()]);
  for (const item of items) item.release(perProduct.get(item.productId)!, at);
  await stock.save(tx, items);
}
