import {
  listCategoriesWithCounts,
  type CategoryRow,
} from '../../infrastructure/db/product.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** The categories a shopper can browse, by name, each with how many products it holds. */
export function listCategories(deps: { db: Db }): Promise<CategoryRow[]> {
  return listCategoriesWithCounts(deps.db);
}
