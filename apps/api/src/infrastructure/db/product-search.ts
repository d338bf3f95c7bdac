import type { Db, Tx } from './transactions';

export type ProductOrder = 'newest' | 'price_asc' | 'price_desc';

/** Where the pattern must match: the name, either column, or the description but not the name. */
export type TextMatch = 'name' | 'name_or_description' | 'description_only';

/** The sort key of the row to start after: price orders by price, newest by creation time. */
export type ProductKey = { price: number; id: string } | { createdAt: string; id: string };

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

/** The two columns an order sorts by (the id breaks ties), and how later rows compare. */
interface OrderSql {
  columns: [string, string];
  direction: 'ASC' | 'DESC';
  /** A key beyond every row: with it as the edge, `near` covers all that remain. */
  end: [string, string];
}

/** The key to start after, as SQL values typed like the order's columns. */
function cursorKey(after: ProductKey, params: Params): string {
  return 'price' in after
    ? `(${params.add(after.price)}::int, ${params.add(after.id)}::uuid)`
    : `(${params.add(after.createdAt)}::timestamp(3), ${params.add(after.id)}::uuid)`;
}

const orders: Record<ProductOrder, OrderSql> = {
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

export interface SearchRow {
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

const matches: Record<TextMatch, (pattern: string) => string> = {
  name: (pattern) => `p."name" ILIKE ${pattern}`,
  name_or_description: (pattern) =>
    `(p."name" ILIKE ${pattern} OR p."description" ILIKE ${pattern})`,
  description_only: (pattern) =>
    `(p."description" ILIKE ${pattern} AND NOT p."name" ILIKE ${pattern})`,
};

/** The first `take` products whose `match` columns contain `pattern`, in `order`, after `after`. */
export async function searchPage(
  db: Db | Tx,
  query: {
    match: TextMatch;
    pattern: string;
    category: string | undefined;
    order: ProductOrder;
    after: ProductKey | null;
    take: number;
  },
): Promise<SearchRow[]> {
  const params = new Params();
  const { columns, direction, end } = orders[query.order];
  const [k1, k2] = columns;
  const by = (t: string) => `${t}.${k1} ${direction}, ${t}.${k2} ${direction}`;
  const key = `(p.${k1}, p.${k2})`;
  const later = direction === 'DESC' ? '<' : '>';
  const notLater = direction === 'DESC' ? '>=' : '<=';
  const match = matches[query.match](params.add(query.pattern));
  const afterCursor = query.after ? `${key} ${later} ${cursorKey(query.after, params)}` : 'TRUE';
  const inCategory = query.category
    ? `p."categoryId" IN (SELECT c."id" FROM "Category" c WHERE c."slug" = ${params.add(query.category)})`
    : 'TRUE';
  const take = params.add(query.take);
  return db.$queryRawUnsafe<SearchRow[]>(
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
}
