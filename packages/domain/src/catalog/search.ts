import type { CatalogSort } from '@shop/contract/catalog';
import type { Cursor, Rank } from './cursor';

/** The orders products are read in; the id breaks ties. */
export type ProductOrder = 'newest' | 'price_asc' | 'price_desc';

/** Where the search text must appear, as a case-insensitive literal substring. */
export type TextMatch = 'name' | 'name_or_description' | 'description_only';

/** A LIKE pattern for the text as a literal substring: its own wildcards and escapes are escaped. */
export function substringPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Relevance: name matches first, then description-only matches; newest first within each group. */
export const relevanceGroups: readonly { rank: Rank; match: TextMatch }[] = [
  { rank: 0, match: 'name' },
  { rank: 1, match: 'description_only' },
];

/**
 * One part of a page: the products that pass `text` (all of them when null), in `order`, after
 * the key in `after`. A page is its parts one after another, each tagged with its rank.
 */
export interface PagePart {
  rank: Rank;
  order: ProductOrder;
  text: { match: TextMatch; pattern: string } | null;
  after: Cursor | null;
}

/** The parts the next page is read from, for a sort, the search text and where the last page ended. */
export function pageParts(sort: CatalogSort, q: string | null, cursor: Cursor | null): PagePart[] {
  if (q === null) {
    // Without search text, relevance is simply newest first: one group, rank 0.
    if (cursor?.sort === 'relevance' && cursor.rank !== 0) return [];
    const order = sort === 'relevance' ? 'newest' : sort;
    return [{ rank: 0, order, text: null, after: cursor }];
  }
  const pattern = substringPattern(q);
  if (sort !== 'relevance') {
    return [
      { rank: 0, order: sort, text: { match: 'name_or_description', pattern }, after: cursor },
    ];
  }
  const from = cursor?.sort === 'relevance' ? cursor.rank : 0;
  return relevanceGroups
    .filter((group) => group.rank >= from)
    .map(({ rank, match }) => ({
      rank,
      order: 'newest',
      text: { match, pattern },
      after: cursor?.sort === 'relevance' && cursor.rank === rank ? cursor : null,
    }));
}
