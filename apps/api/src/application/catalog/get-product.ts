import type { Product } from '@shop/domain/catalog/product';
import { ProductNotFound } from '@shop/domain/shared/errors';
import type { CatalogDeps } from './deps';

/** One product's page, by its slug. */
export async function getProduct(deps: CatalogDeps, slug: string): Promise<Product> {
  const product = await deps.products.findBySlug(slug);
  if (!product) throw new ProductNotFound();
  return product;
}
