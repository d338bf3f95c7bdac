import type { CatalogSort } from '@shop/contract/catalog';
import { cursorAfter, decodeCursor, encodeCursor, type Cursor } from '@shop/domain/catalog/cursor';
import { pageParts } from '@shop/domain/catalog/search';
import { InvalidRequest } from '@shop/domain/shared/errors';
import type { Product } from '@shop/domain/catalog/product';
import type { CatalogDeps } from './deps';

export interface ListProductsInput {
  q?: string | undefined;
  category?: string | undefined;
  sort: CatalogSort;
  limit: number;
  cursor?: string | null | undefined;
}

export interface ProductPage {
  items: Product[];
  nextCursor: string | null;
}

/** A page of the catalog: everything, or what matches the search text, in the chosen sort. */
export async function listProducts(
  deps: CatalogDeps,
  input: ListProductsInput,
): Promise<ProductPage> {
  let cursor: Cursor | null = null;
  if (input.cursor) {
    cursor = decodeCursor(input.cursor, input.sort);
    if (!cursor) throw new InvalidRequest('Invalid cursor');
  }
  // One product more than the page says whether another page follows.
  const rows = await deps.products.findPage({
    parts: pageParts(input.sort, input.q ? input.q : null, cursor),
    category: input.category,
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ product }) => product),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor(
            cursorAfter(input.sort, {
              id: last.product.id,
              priceAmount: last.product.price.amount,
              createdAt: last.product.createdAt,
              rank: last.rank,
            }),
          )
        : null,
  };
}
