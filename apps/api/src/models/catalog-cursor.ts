import { z } from 'zod';
import type { CatalogSort } from '@shop/contract/catalog';
import { ShopError } from './errors';

/**
 * Where the previous page stopped: the sort key of its last product plus the id as tie-breaker.
 * `rank` orders name matches (0) before description-only matches (1) in relevance search.
 */
export const cursorSchema = z.discriminatedUnion('sort', [
  z.object({ sort: z.literal('newest'), createdAt: z.iso.datetime(), id: z.uuid() }),
  z.object({
    sort: z.literal('relevance'),
    rank: z.union([z.literal(0), z.literal(1)]),
    createdAt: z.iso.datetime(),
    id: z.uuid(),
  }),
  z.object({ sort: z.literal('price_asc'), price: z.number().int(), id: z.uuid() }),
  z.object({ sort: z.literal('price_desc'), price: z.number().int(), id: z.uuid() }),
]);
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

const invalidCursor = () => new ShopError('BAD_REQUEST', 'Invalid cursor');

/** Opaque to clients; anything we did not mint for this sort is refused. */
export function decodeCursor(raw: string, sort: CatalogSort): Cursor {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw invalidCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.sort !== sort) throw invalidCursor();
  return parsed.data;
}
