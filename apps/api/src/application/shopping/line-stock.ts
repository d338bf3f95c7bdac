import { ProductNotFound, OutOfStock } from '@shop/domain/shared/errors';
import { isSoldOut } from '../../domain/shopping/cart-rules';
import type { Db } from '../../infrastructure/db/transactions';
import { findProductStock } from '../../infrastructure/db/cart.repository';

/** The stock a cart line is capped at; refuses a product that does not exist or is sold out. */
export async function stockForCartLine(db: Db, productId: string): Promise<number> {
  const stock = await findProductStock(db, productId);
  if (stock === null) throw new ProductNotFound();
  if (isSoldOut(stock)) throw new OutOfStock('Sold out');
  return stock;
}
