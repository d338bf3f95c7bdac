import type { z } from 'zod';
import type { catalogListInput } from '@shop/contract/catalog';
import type { Prisma } from '@shop/db/client';
import { decodeCursor, encodeCursor, type Cursor } from './catalog-cursor';
import { ShopError } from './errors';
import type { Db } from '../infrastructure/db/transactions';
import { productSelect, type ProductRow } from '../infrastructure/db/product.repository';

export { productSelect };
export type ProductRecord = ProductRow;
type ListInput = z.output<typeof catalogListInput>;
type Where = Prisma.ProductWhereInput;
type RankedProduct = ProductRecord & { rank: 0 | 1 };

export interface ProductPage {
  items: ProductRecord[];
  nextCursor: string | null;
}

/** ILIKE pattern for a literal substring: the search text's own wildcards are escaped. */
const substring = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export async function listProducts(db: Db, input: ListInput): Promise<ProductPage> {
  const cursor = input.cursor ? decodeCursor(input.cursor, input.sort) : null;
  const q = input.q ? input.q : undefined;
  const take = input.limit + 1;
  const rows = q
    ? await searchProducts(db, { q, category: input.category, sort: input.sort, cursor, take })
    : await listBySort(db, input.category, input.sort, cursor, take);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ rank: _rank, ...product }) => product),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(cursorAfter(input.sort, last)) : null,
  };
}

/** The catalog without search text: relevance is simply newest first (one group, rank 0). */
async function listBySort(
  db: Db,
  category: string | undefined,
  sort: ListInput['sort'],
  cursor: Cursor | null,
  take: number,
): Promise<RankedProduct[]> {
  if (cursor?.sort === 'relevance' && cursor.rank !== 0) return [];
  const direction = sort === 'price_asc' ? 'asc' : 'desc';
  const orderBy: Prisma.ProductOrderByWithRelationInput[] =
    sort === 'price_asc' || sort === 'price_desc'
      ? [{ priceAmount: direction }, { id: direction }]
      : [{ createdAt: 'desc' }, { id: 'desc' }];
  const rows = await db.product.findMany({
    where: { AND: [category ? { category: { slug: category } } : {}, keysetAfter(cursor)] },
    orderBy,
    take,
    select: productSelect,
  });
  return rows.map((p) => ({ ...p, rank: 0 as const }));
}

function keysetAfter(cursor: Cursor | null): Where {
  if (!cursor) return {};
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
    default: {
      const at = new Date(cursor.createdAt);
      return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] };
    }
  }
}

/*
 * Search: a case-insensitive substring of the name or the description (ILIKE '%q%').
 *
 * A page is the first `take` matches in the sort's order. There are two ways to find them, and the
 * cheap one depends on where the matches are, which the planner can only guess (it estimates ILIKE
 * from a sample of rows, and knows nothing of how matches spread over time or price):
 * - walk the sort's index from the top and keep the matches: cheap when matches are common near the
 *   top, a walk through the whole catalog when they are rare there (hundreds of ms at 100,000
 *   products: a word that matches nothing before statistics exist, or whose matches are all old);
 * - ask the trigram GIN indexes for every match, then sort them: cheap when there are few.
 * So a page is searched in two parts, in one statement. `near`: the matches among the next
 * `walkLimit` products in the sort's order. The planner walks those (the edge is an index condition,
 * so the walk stops there) or takes them from the trigram index, whichever it prices lower; either
 * way the work is bounded, by walkLimit rows or by the number of matches. `far`: only when `near` did
 * not fill the page, every match past the edge, as a MATERIALIZED CTE without an ORDER BY, so that
 * no plan can walk the sort's index for it (the trigram index, or one pass over the table when the
 * planner expects the word nearly everywhere), sorted afterwards.
 */
const walkLimit = 2000;

type SearchOrder = 'newest' | 'price_asc' | 'price_desc';

/** The two columns an order sorts by (the id breaks ties), and how later rows compare. */
interface OrderSql {
  columns: [string, string];
  direction: 'ASC' | 'DESC';
  /** A key beyond every row: with it as the edge, `near` covers all that remain. */
  end: [string, string];
}

/** The cursor's key, as SQL values typed like the order's columns. */
function cursorKey(cursor: Cursor, params: Params): string {
  return 'price' in cursor
    ? `(${params.add(cursor.price)}::int, ${params.add(cursor.id)}::uuid)`
    : `(${params.add(cursor.createdAt)}::timestamp(3), ${params.add(cursor.id)}::uuid)`;
}

const orders: Record<SearchOrder, OrderSql> = {
  newest: {
    columns: ['"createdAt"', '"id"'],
    direction: 'DESC',
    end: ["'-infinity'::timestamp", "'00000000-0000-0000-0000-000000000000'::uuid"],
  },
  price_asc: {
    columns: ['"priceAmount"', '"id"'],
    direction: 'ASC',
    end: ['2147483647', "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid"],
  },
  price_desc: {
    columns: ['"priceAmount"', '"id"'],
    direction: 'DESC',
    end: ['(-2147483648)::int', "'00000000-0000-0000-0000-000000000000'::uuid"],
  },
};

/** Values become $1, $2, …; only code-chosen SQL is ever spliced into the text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface SearchRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceAmount: number;
  currency: string;
  imageUrl: string;
  stock: number;
  createdAt: Date;
  categorySlug: string;
  categoryName: string;
}

/** The first `take` products that satisfy `match`, in `order`, after `cursor`. */
async function searchPage(
  db: Db,
  query: {
    match: (pattern: string) => string;
    q: string;
    category: string | undefined;
    order: SearchOrder;
    cursor: Cursor | null;
    take: number;
  },
): Promise<ProductRecord[]> {
  const params = new Params();
  const { columns, direction, end } = orders[query.order];
  const [k1, k2] = columns;
  const by = (t: string) => `${t}.${k1} ${direction}, ${t}.${k2} ${direction}`;
  const key = `(p.${k1}, p.${k2})`;
  const later = direction === 'DESC' ? '<' : '>';
  const notLater = direction === 'DESC' ? '>=' : '<=';
  const match = query.match(params.add(substring(query.q)));
  const afterCursor = query.cursor ? `${key} ${later} ${cursorKey(query.cursor, params)}` : 'TRUE';
  const inCategory = query.category
    ? `p."categoryId" IN (SELECT c."id" FROM "Category" c WHERE c."slug" = ${params.add(query.category)})`
    : 'TRUE';
  const take = params.add(query.take);
  const rows = await db.$queryRawUnsafe<SearchRow[]>(
    `WITH edge AS MATERIALIZED (
       SELECT p.${k1} AS "k1", p.${k2} AS "k2" FROM "Product" p WHERE ${afterCursor}
       ORDER BY ${by('p')} OFFSET ${params.add(walkLimit - 1)} LIMIT 1
     ), near AS MATERIALIZED (
       SELECT p."id", p."createdAt", p."priceAmount" FROM "Product" p
       WHERE ${match} AND ${inCategory} AND ${afterCursor} AND ${key} ${notLater} (
         COALESCE((SELECT "k1" FROM edge), ${end[0]}), COALESCE((SELECT "k2" FROM edge), ${end[1]}))
       ORDER BY ${by('p')} LIMIT ${take}
     ), far AS MATERIALIZED (
       SELECT p."id", p."createdAt", p."priceAmount" FROM "Product" p
       WHERE ${match} AND ${inCategory}
         AND ${key} ${later} ((SELECT "k1" FROM edge), (SELECT "k2" FROM edge))
         AND (SELECT count(*) FROM near) < ${take}
     ), page AS (
       SELECT * FROM (SELECT * FROM near UNION ALL SELECT * FROM far) p
       ORDER BY ${by('p')} LIMIT ${take}
     )
     SELECT p."id", p."slug", p."name", p."description", p."priceAmount", p."currency",
            p."imageUrl", p."stock", p."createdAt", c."slug" AS "categorySlug",
            c."name" AS "categoryName"
     FROM page JOIN "Product" p ON p."id" = page."id" JOIN "Category" c ON c."id" = p."categoryId"
     ORDER BY ${by('p')}`,
    ...params.values,
  );
  return rows.map(({ categorySlug, categoryName, ...product }) => ({
    ...product,
    category: { slug: categorySlug, name: categoryName },
  }));
}

/**
 * Relevance: name matches first, then description-only matches; newest first within each group.
 * Other sorts: every product whose name or description matches, in the sort's order.
 */
async function searchProducts(
  db: Db,
  search: {
    q: string;
    category: string | undefined;
    sort: ListInput['sort'];
    cursor: Cursor | null;
    take: number;
  },
): Promise<RankedProduct[]> {
  const { q, category, sort, cursor, take } = search;
  if (sort !== 'relevance') {
    const match = (pattern: string) =>
      `(p."name" ILIKE ${pattern} OR p."description" ILIKE ${pattern})`;
    const rows = await searchPage(db, { match, q, category, order: sort, cursor, take });
    return rows.map((p) => ({ ...p, rank: 0 as const }));
  }
  const groups: { rank: 0 | 1; match: (pattern: string) => string }[] = [
    { rank: 0, match: (pattern) => `p."name" ILIKE ${pattern}` },
    {
      rank: 1,
      match: (pattern) => `(p."description" ILIKE ${pattern} AND NOT p."name" ILIKE ${pattern})`,
    },
  ];
  const from = cursor?.sort === 'relevance' ? cursor.rank : 0;
  const rows: RankedProduct[] = [];
  for (const group of groups.filter((g) => g.rank >= from)) {
    const found = await searchPage(db, {
      match: group.match,
      q,
      category,
      order: 'newest',
      cursor: cursor?.sort === 'relevance' && cursor.rank === group.rank ? cursor : null,
      take: take - rows.length,
    });
    rows.push(...found.map((p) => ({ ...p, rank: group.rank })));
    if (rows.length >= take) break;
  }
  return rows;
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
