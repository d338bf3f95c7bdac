/**
 * The demo data: six categories, 48 products priced in KRW, an admin and a shopper. Idempotent: rows
 * that already exist (by slug or email) are left untouched, so seeding a seeded database changes nothing.
 */
import { hash } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { createPrismaClient } from './client';
import type { PrismaClient } from './client';
import { connectionError, describeTarget, withClient } from './connection';
import { DbError } from './errors';
import { benchProduct } from './seed-data/bench-products';
import { CURRENCY, demoCategories, demoProducts, imageUrlFor } from './seed-data/catalog';
import type { DemoProduct } from './seed-data/catalog';

export { CURRENCY, SOLD_OUT_SLUG, demoCategories, demoProducts } from './seed-data/catalog';

export interface SeedOptions {
  /** Total catalog size; above the 48 demo products, deterministic bench products fill the gap. */
  products?: number;
}

export const SEEDED_USERS = [
  { email: 'admin@shop.test', password: 'admin-password', name: 'Shop Admin', role: 'ADMIN' },
  {
    email: 'shopper@shop.test',
    password: 'shopper-password',
    name: 'Sam Shopper',
    role: 'CUSTOMER',
  },
] as const;

/** OWASP's argon2id parameters: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2ID_OWASP = {
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};
const BATCH = 1000;
const HOUR = 3_600_000;
const DEMO_EPOCH = Date.UTC(2026, 0, 5);
const BENCH_EPOCH = Date.UTC(2024, 0, 1);

export async function seed(
  databaseUrl: string,
  options: SeedOptions = {},
): Promise<{ created: boolean }> {
  await assertMigrated(databaseUrl);
  const prisma = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const categoryIds = await seedCategories(prisma);
    const inserted =
      (await seedUsers(prisma)) +
      (await seedProducts(prisma, categoryIds, catalogRows(options.products ?? 0)));
    return { created: inserted > 0 };
  } catch (error) {
    throw connectionError(error, databaseUrl) ?? error;
  } finally {
    await prisma.$disconnect();
  }
}

async function seedCategories(prisma: PrismaClient): Promise<Map<string, string>> {
  await prisma.category.createMany({ data: [...demoCategories], skipDuplicates: true });
  const rows = await prisma.category.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function seedUsers(prisma: PrismaClient): Promise<number> {
  const existing = await prisma.user.findMany({
    where: { email: { in: SEEDED_USERS.map((u) => u.email) } },
    select: { email: true },
  });
  const known = new Set(existing.map((u) => u.email));
  const missing = SEEDED_USERS.filter((u) => !known.has(u.email));
  const data = await Promise.all(
    missing.map(async ({ email, password, name, role }) => ({
      email,
      name,
      role,
      passwordHash: await hash(password, ARGON2ID_OWASP),
    })),
  );
  const { count } = await prisma.user.createMany({ data, skipDuplicates: true });
  return count;
}

interface CatalogRow extends DemoProduct {
  imageUrl: string;
  createdAt: Date;
}

function catalogRows(total: number): CatalogRow[] {
  const count = demoProducts.length;
  const demo = demoProducts.map((p, i) => ({
    ...p,
    imageUrl: imageUrlFor(p.slug),
    // A stride coprime with the count spreads categories over time, so "newest" mixes them.
    createdAt: new Date(DEMO_EPOCH + ((i * 17) % count) * 26 * HOUR),
  }));
  const bench = Array.from({ length: Math.max(0, total - count) }, (_, i) => {
    const p = benchProduct(i + 1);
    return {
      ...p,
      imageUrl: imageUrlFor(p.imageSlug),
      createdAt: new Date(BENCH_EPOCH + (i + 1) * 90_000),
    };
  });
  return [...demo, ...bench];
}

async function seedProducts(
  prisma: PrismaClient,
  categoryIds: Map<string, string>,
  all: CatalogRow[],
): Promise<number> {
  const existing = new Set(
    (await prisma.product.findMany({ select: { slug: true } })).map((p) => p.slug),
  );
  const rows = all.filter((row) => !existing.has(row.slug));
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const data = rows.slice(start, start + BATCH).map((row) => ({
      slug: row.slug,
      name: row.name,
      description: row.description,
      priceAmount: row.price,
      currency: CURRENCY,
      imageUrl: row.imageUrl,
      stock: row.stock,
      categoryId: categoryIdOf(categoryIds, row.category),
      createdAt: row.createdAt,
    }));
    inserted += (await prisma.product.createMany({ data, skipDuplicates: true })).count;
  }
  // After a bulk load, flush the GIN pending lists and refresh statistics: without it the planner
  // prices the trigram indexes too high and scans the whole table for every search.
  if (inserted > BATCH) await prisma.$executeRaw`VACUUM ANALYZE "Product"`;
  return inserted;
}

function categoryIdOf(categoryIds: Map<string, string>, slug: string): string {
  const id = categoryIds.get(slug);
  if (!id) throw new Error(`Seed data refers to unknown category "${slug}".`);
  return id;
}

/** Fails with a typed, one-line error before Prisma would fail with a multi-line one. */
async function assertMigrated(databaseUrl: string): Promise<void> {
  const ready = await withClient(databaseUrl, async (client) => {
    const result = await client.query<{ ok: boolean }>(
      `SELECT to_regclass('"Product"') IS NOT NULL AS ok`,
    );
    return result.rows[0]?.ok ?? false;
  });
  if (!ready) {
    throw new DbError(
      'MIGRATION_HISTORY',
      `${describeTarget(databaseUrl)} has no shop tables yet: run the migrations first (npm run db:migrate).`,
    );
  }
}
