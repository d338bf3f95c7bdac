import { z } from 'zod';
import type { CatalogSort } from '@shop/contract/catalog';

/** Name matches (0) come before description-only matches (1) in relevance search. */
export type Rank = 0 | 1;

/** The Int column's range; the API only mints prices of products, and those are never negative. */
const maxPrice = 2_147_483_647;
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A product's `createdAt` exactly as `toISOString()` writes it, within years 1970–9999. */
const createdAt = z.iso.datetime({ precision: 3 }).refine((value) => {
  const at = new Date(value);
  const time = at.getTime();
  return time >= earliest && time <= latest && at.toISOString() === value;
});
const price = z.number().int().min(0).max(maxPrice);

/**
 * Where the previous page stopped: the sort key of its last product plus the id as tie-breaker,
 * and for relevance the rank group it was in. Every field is bounded to what the API itself
 * mints, so a forged cursor never reaches the database with a value its columns cannot hold.
 */
const cursorSchema = z.discriminatedUnion('sort', [
  z.strictObject({ sort: z.literal('newest'), createdAt, id: z.uuid() }),
  z.strictObject({
    sort: z.literal('relevance'),
    rank: z.union([z.literal(0), z.literal(1)]),
    createdAt,
    id: z.uuid(),
  }),
  z.strictObject({ sort: z.literal('price_asc'), price, id: z.uuid() }),
  z.strictObject({ sort: z.literal('price_desc'), price, id: z.uuid() }),
]);
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Opaque to clients; null for anything we did not mint for this sort. */
export function decodeCursor(raw: string, sort: CatalogSort): Cursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  return parsed.success && parsed.data.sort === sort ? parsed.data : null;
}

/** What a page's last product leaves for the next page to start after. */
export interface LastOnPage {
  id: string;
  priceAmount: number;
  createdAt: Date;
  rank: Rank;
}

export function cursorAfter(sort: CatalogSort, last: LastOnPage): Cursor {
  switch (sort) {
    case 'price_asc':
    case 'price_desc':
      return { sort, price: last.priceAmount, id: last.id };
    case 'relevance':
      return { sort, rank: last.rank, createdAt: last.createdAt.toISOString(), id: last.id };
    case 'newest':
      return { sort, createdAt: last.createdAt.toISOString(), id: last.id };
  }
}
