import type { Category } from '@shop/domain/catalog/product';
import type { CatalogDeps } from './deps';

/** The categories a shopper can browse, by name, each with how many products it holds. */
export function listCategories(deps: CatalogDeps): Promise<Category[]> {
  return deps.products.findCategories();
}
