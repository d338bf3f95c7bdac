import { ProductNotFound } from '@shop/domain/shared/errors';
import type { Tx } from '@shop/domain/shared/unit-of-work';
import type { ShoppingDeps } from './deps';

/** The product's stock on hand; refuses a product that does not exist. */
export async function stockOf(
  deps: Pick<ShoppingDeps, 'products'>,
  productId: string,
  tx: Tx,
): Promise<number> {
  const stock = (await deps.products.findStock(tx, [productId])).get(productId);
  if (stock === undefined) throw new ProductNotFound();
  return stock;
}
