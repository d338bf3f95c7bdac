import type { CatalogSort } from '@shop/contract/catalog';
import { cursorAfter, decodeCursor, encodeCursor, type Cursor } from '@shop/domain/catalog/cursor';
import { pageParts } from '@shop/domain/catalog/search';
import { InvalidRequest } from '@shop/domain/shared/errors';
import { findPage, type ProductRow } from '../../infrastructure/db/product.repository';
import type { Db } from '../../infrastructure/db/transactions';

export interface ListProductsInput {
  q?: string | undefined;
  category?: string | undefined;
  sort: CatalogSort;
  limit: number;
  cursor?: string | null | undefined;
}

export interface ProductPage {
  items: ProductRow[];
  nextCursor: string | null;
}

/** A page of the catalog: everything, or what matches the search text, in the chosen sort. */
export async function listProducts(
  deps: { db: Db },
  input: ListProductsInput,
): Promise<ProductPage> {
  let cursor: Cursor | null = null;
  if (input.cursor) {
    cursor = decodeCursor(input.cursor, input.sort);
    if (!cursor) throw new InvalidRequest('Invalid cursor');
  }
  // One product more than the page says whether another page follows.
  const rows = await findPage(deps.db, {
    parts: pageParts(input.sort, input.q ? input.q : null, cursor),
    category: input.category,
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ rank: _rank, ...product }) => product),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(cursorAfter(input.sort, last)) : null,
  };
}
