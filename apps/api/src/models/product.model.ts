import type { z } from 'zod';
import type { catalogListInput } from '@shop/contract/catalog';
import type { Prisma } from '@shop/db/client';
import { decodeCursor, encodeCursor, type Cursor } from './catalog-cursor';
import { ShopError } from './errors';
import type { Db } from './db';

export const productSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceAmount: true,
  currency: true,
  imageUrl: true,
  stock: true,
  createdAt: true,
  category: { select: { slug: true, name: true } },
} satisfies Prisma.ProductSelect;

export type ProductRecord = Prisma.ProductGetPayload<{ select: typeof productSelect }>;
type ListInput = z.output<typeof catalogListInput>;
type Where = Prisma.ProductWhereInput;
type RankedProduct = ProductRecord & { rank: 0 | 1 };

export interface ProductPage {
  items: ProductRecord[];
  nextCursor: string | null;
}

/** Prisma passes `contains` to ILIKE unescaped; search text is literal, so escape its wildcards. */
const contains = (q: string) => ({
  contains: q.replace(/[\\%_]/g, '\\$&'),
  mode: 'insensitive' as const,
});

export async function listProducts(db: Db, input: ListInput): Promise<ProductPage> {
  const cursor = input.cursor ? decodeCursor(input.cursor, input.sort) : null;
  const q = input.q ? input.q : undefined;
  const base: Where = input.category ? { category: { slug: input.category } } : {};
  const take = input.limit + 1;
  const rows =
    input.sort === 'relevance'
      ? await listByRelevance(db, base, q, cursor, take)
      : await listBySort(db, { AND: [base, q ? textMatch(q) : {}] }, input.sort, cursor, take);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ rank: _rank, ...product }) => product),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(cursorAfter(input.sort, last)) : null,
  };
}

function textMatch(q: string): Where {
  return { OR: [{ name: contains(q) }, { description: contains(q) }] };
}

/** Name matches first, then description-only matches; newest first within each group. */
async function listByRelevance(
  db: Db,
  base: Where,
  q: string | undefined,
  cursor: Cursor | null,
  take: number,
): Promise<RankedProduct[]> {
  const groups: { rank: 0 | 1; where: Where }[] = q
    ? [
        { rank: 0, where: { name: contains(q) } },
        { rank: 1, where: { AND: [{ NOT: { name: contains(q) } }, { description: contains(q) }] } },
      ]
    : [{ rank: 0, where: {} }];
  const rows: RankedProduct[] = [];
  const from = cursor?.sort === 'relevance' ? cursor.rank : 0;
  for (const group of groups.filter((g) => g.rank >= from)) {
    const after =
      cursor?.sort === 'relevance' && cursor.rank === group.rank ? newerThan(cursor) : {};
    const found = await db.product.findMany({
      where: { AND: [base, group.where, after] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take - rows.length,
      select: productSelect,
    });
    rows.push(...found.map((p) => ({ ...p, rank: group.rank })));
    if (rows.length >= take) break;
  }
  return rows;
}

async function listBySort(
  db: Db,
  where: Where,
  sort: Exclude<ListInput['sort'], 'relevance'>,
  cursor: Cursor | null,
  take: number,
): Promise<RankedProduct[]> {
  const direction = sort === 'price_asc' ? 'asc' : 'desc';
  const orderBy: Prisma.ProductOrderByWithRelationInput[] =
    sort === 'newest'
      ? [{ createdAt: 'desc' }, { id: 'desc' }]
      : [{ priceAmount: direction }, { id: direction }];
  const rows = await db.product.findMany({
    where: { AND: [where, cursor ? keysetAfter(cursor) : {}] },
    orderBy,
    take,
    select: productSelect,
  });
  return rows.map((p) => ({ ...p, rank: 0 as const }));
}

function newerThan(cursor: { createdAt: string; id: string }): Where {
  const at = new Date(cursor.createdAt);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] };
}

function keysetAfter(cursor: Cursor): Where {
  switch (cursor.sort) {
    case 'price_asc':
      return {
        OR: [
          { priceAmount: { gt: cursor.price } },
          { priceAmount: cursor.price, id: { gt: cursor.id } },
        ],
      };
    case 'price_desc':
      return {
        OR: [
          { priceAmount: { lt: cursor.price } },
          { priceAmount: cursor.price, id: { lt: cursor.id } },
        ],
      };
    default:
      return newerThan(cursor);
  }
}

function cursorAfter(sort: ListInput['sort'], last: RankedProduct): Cursor {
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

export async function getProductBySlug(db: Db, slug: string): Promise<ProductRecord> {
  const product = await db.product.findUnique({ where: { slug }, select: productSelect });
  if (!product) throw new ShopError('NOT_FOUND', 'Product not found');
  return product;
}

export interface CategorySummary {
  slug: string;
  name: string;
  productCount: number;
}

export async function listCategories(db: Db): Promise<CategorySummary[]> {
  const categories = await db.category.findMany({
    orderBy: { name: 'asc' },
    select: { slug: true, name: true, _count: { select: { products: true } } },
  });
  return categories.map(({ _count, ...category }) => ({
    ...category,
    productCount: _count.products,
  }));
}
