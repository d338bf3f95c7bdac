import type { PlaceOrderInput } from '@shop/contract/orders';
import { outOfStock } from '../../domain/inventory/shortage';
import { sumPerProduct, type StockRequest } from '../../domain/inventory/stock-requests';
import { requestFingerprint } from '../../domain/ordering/fingerprint';
import { orderTotals } from '../../domain/ordering/totals';
import { now } from '../../infrastructure/clock';
import {
  insertPendingOrder,
  savePricedLines,
} from '../../infrastructure/db/pending-order.repository';
import { takeStock } from '../../infrastructure/db/stock.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';

/**
 * Checkout's first step, all or nothing: the order awaiting payment under its key, and its units
 * taken at the catalog's prices. Answers the order's id.
 */
export async function reserveOrder(
  db: Db,
  userId: string,
  input: PlaceOrderInput,
  cart: readonly StockRequest[],
): Promise<string> {
  const address = input.shippingAddress;
  return inTransaction(db, async (tx) => {
    const orderId = await insertPendingOrder(tx, {
      userId,
      idempotencyKey: input.idempotencyKey,
      requestHash: requestFingerprint(cart, address),
      address,
      placedAt: now(),
    });
    const taken = await takeStock(tx, sumPerProduct(cart));
    if (!taken.ok) throw outOfStock(taken.short);
    await savePricedLines(tx, orderId, orderTotals(taken.lines));
    return orderId;
  });
}
