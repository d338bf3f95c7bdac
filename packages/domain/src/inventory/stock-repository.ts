import type { Tx } from '../shared/unit-of-work';
import type { StockItem } from './stock-item';

/**
 * Where the shelf's counts live. Concurrent checkouts serialize on the rows: `findForUpdate`
 * locks them in product id order (every transaction takes its locks in one order, so two
 * checkouts never deadlock), and `save` writes the new counts in the same transaction.
 */
export interface StockRepository {
  /** The items of these products, locked, in id order; a product that no longer exists is absent. */
  findForUpdate(tx: Tx, productIds: readonly string[]): Promise<StockItem[]>;
  save(tx: Tx, items: readonly StockItem[]): Promise<void>;
}
