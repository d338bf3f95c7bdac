import type { Prisma } from '@shop/db/client';
import type { Rank } from '@shop/domain/catalog/cursor';
import { Product } from '@shop/domain/catalog/product';
import type { ProductRepository } from '@shop/domain/catalog/product-repository';
import { Money } from '@shop/domain/shared/money';
import { searchPage, type ProductKey, type ProductOrder, type TextMatch } from './product-search';
import type { Db, Tx } from './transactions';
import { prismaTx } from './unit-of-work';

/** The columns every product read returns, with its category: the shape a product has upstairs. */
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

export type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

/** One part of a page: rows that pass `text` (all when null), in `order`, after `after`. */
export interface PagePartQuery<Tag> {
  rank: Tag;
  order: ProductOrder;
  text: { match: TextMatch; pattern: string } | null;
  after: ProductKey | null;
}

/**
 * The first `take` products of a page made of parts read one after another (a later part only
 * when the earlier ones did not fill it), each row tagged with its part's rank.
 */
export async function findPage<Tag>(
  db: Db | Tx,
  query: { parts: readonly PagePartQuery<Tag>[]; category: string | undefined; take: number },
): Promise<(ProductRow & { rank: Tag })[]> {
  const rows: (ProductRow & { rank: Tag })[] = [];
  for (const part of query.parts) {
    const take = query.take - rows.length;
    const { order, after, text } = part;
    const found = text
      ? (await searchPage(db, { ...text, order, after, category: query.category, take })).map(
          ({ categorySlug, categoryName, ...product }) => ({
            ...product,
            category: { slug: categorySlug, name: categoryName },
          }),
        )
      : await listPage(db, { order, after, category: query.category, take });
    rows.push(...found.map((product) => ({ ...product, rank: part.rank })));
    if (rows.length >= query.take) break;
  }
  return rows;
}

/** Every product (of a category), without search text: the sort's index does the work. */
async function listPage(
  db: Db | Tx,
  query: {
    order: ProductOrder;
    after: ProductKey | null;
    category: string | undefined;
    take: number;
  },
): Promise<ProductRow[]> {
  const direction = query.order === 'price_asc' ? 'asc' : 'desc';
  const orderBy: Prisma.ProductOrderByWithRelationInput[] =
    query.order === 'newest'
      ? [{ createdAt: 'desc' }, { id: 'desc' }]
      : [{ priceAmount: direction }, { id: direction }];
  return db.product.findMany({
    where: {
      AND: [
        query.category ? { category: { slug: query.category } } : {},
        keysetAfter(query.order, query.after),
      ],
    },
    orderBy,
    take: query.take,
    select: productSelect,
  });
}

function keysetAfter(order: ProductOrder, after: ProductKey | null): Prisma.ProductWhereInput {
  if (!after) return {};
  if ('price' in after) {
    return order === 'price_asc'
      ? {
          OR: [
            { priceAmount: { gt: after.price } },
            { priceAmount: after.price, id: { gt: after.id } },
          ],
        }
      : {
          OR: [
            { priceAmount: { lt: after.price } },
            { priceAmount: after.price, id: { lt: after.id } },
          ],
        };
  }
  const at = new Date(after.createdAt);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] };
}

export function findBySlug(db: Db | Tx, slug: string): Promise<ProductRow | null> {
  return db.product.findUnique({ where: { slug }, select: productSelect });
}

export interface CategoryRow {
  slug: string;
  name: string;
  productCount: number;
}

/** Every category by name, with how many products it holds. */
export async function listCategoriesWithCounts(db: Db | Tx): Promise<CategoryRow[]> {
  const categories = await db.category.findMany({
    orderBy: { name: 'asc' },
    select: { slug: true, name: true, _count: { select: { products: true } } },
  });
  return categories.map(({ _count, ...category }) => ({
    ...category,
    productCount: _count.products,
  }));
}

/** A row as the catalog's Product; the currency column is fixed-width, so it is trimmed. */
export function toProduct(row: ProductRow): Product {
  return Product.rehydrate({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    price: Money.of(row.priceAmount, row.currency.trim()),
    imageUrl: row.imageUrl,
    stock: row.stock,
    createdAt: row.createdAt,
    category: { slug: row.category.slug, name: row.category.name },
  });
}

/** The catalog's reads over Prisma. */
export function createProductRepository(db: Db): ProductRepository {
  return {
    async findBySlug(slug) {
      const row = await findBySlug(db, slug);
      return row ? toProduct(row) : null;
    },
    async findByIds(productIds) {
      if (productIds.length === 0) return new Map();
      const rows = await db.product.findMany({
        where: { id: { in: [...productIds] } },
        select: productSelect,
      });
      return new Map(rows.map((row) => [row.id, toProduct(row)]));
    },
    async findPage(query) {
      const rows = await findPage<Rank>(db, query);
      return rows.map(({ rank, ...row }) => ({ product: toProduct(row), rank }));
    },
    findCategories: () => listCategoriesWithCounts(db),
    async findStock(tx, productIds) {
      if (productIds.length === 0) return new Map();
      const rows = await prismaTx(db, tx).product.findMany({
        where: { id: { in: [...productIds] } },
        select: { id: true, stock: true },
      });
      return new Map(rows.map((row) => [row.id, row.stock]));
    },
  };
}
