import { sumPerProduct } from '../../domain/inventory/stock-requests';
import { findOrderLines } from '../../infrastructure/db/order.repository';
import { returnStock } from '../../infrastructure/db/stock.repository';
import type { Tx } from '../../infrastructure/db/transactions';

/** Puts the order's units back on the shelf, product rows in id order like every checkout. */
export async function returnOrderStock(tx: Tx, orderId: string): Promise<void> {
  await returnStock(tx, sumPerProduct(await findOrderLines(tx, orderId)));
}
