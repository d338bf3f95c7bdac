import { ProductNotFound } from '@shop/domain/shared/errors';
import { findBySlug, type ProductRow } from '../../infrastructure/db/product.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** One product's page, by its slug. */
export async function getProduct(deps: { db: Db }, slug: string): Promise<ProductRow> {
  const product = await findBySlug(deps.db, slug);
  if (!product) throw new ProductNotFound();
  return product;
}
