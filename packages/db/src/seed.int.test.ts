import { verify } from '@node-rs/argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOLD_OUT_SLUG, demoProducts, seed } from './seed';
import { createTestDatabase } from './testing';
import type { TestDatabase } from './testing';

let db: TestDatabase;
let client: pg.Client;

const COUNTS = `SELECT (SELECT count(*) FROM "Category")::int AS categories, (SELECT count(*) FROM "Product")::int AS products,
  (SELECT count(*) FROM "User")::int AS users, (SELECT sum(stock) FROM "Product")::int AS stock,
  (SELECT max("passwordHash") FROM "User") AS hashes`;

beforeAll(async () => {
  db = await createTestDatabase('seed');
  client = new pg.Client(db.url);
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('seed', () => {
  it('seeds the demo catalog and users once; a second run changes nothing', async () => {
    expect(await seed(db.url)).toEqual({ created: true });
    const first = (await client.query(COUNTS)).rows[0] as Record<string, unknown>;

    expect(await seed(db.url)).toEqual({ created: false });
    expect((await client.query(COUNTS)).rows[0]).toEqual(first);
    expect(first).toMatchObject({ categories: 6, products: demoProducts.length, users: 2 });
  });

  it('prices in KRW with distinct creation times, one product sold out', async () => {
    await seed(db.url);
    const { rows } = await client.query<{
      slug: string;
      currency: string;
      createdAt: Date;
      stock: number;
    }>('SELECT slug, currency, "createdAt", stock FROM "Product"');
    expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(['KRW']));
    expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(rows.length);
    expect(rows.filter((r) => r.stock === 0).map((r) => r.slug)).toEqual([SOLD_OUT_SLUG]);
  });

  it('creates the admin and the shopper with argon2id (m=19456, t=2, p=1) hashes', async () => {
    await seed(db.url);
    const { rows } = await client.query<{ email: string; role: string; passwordHash: string }>(
      'SELECT email, role, "passwordHash" FROM "User" ORDER BY email',
    );
    expect(rows.map((r) => [r.email, r.role])).toEqual([
      ['admin@shop.test', 'ADMIN'],
      ['shopper@shop.test', 'CUSTOMER'],
    ]);
    expect(rows[0]?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(rows[0]?.passwordHash ?? '', 'admin-password')).toBe(true);
    expect(await verify(rows[1]?.passwordHash ?? '', 'shopper-password')).toBe(true);
  });

  it('tops up to 10,000 products quickly, and stays idempotent', async () => {
    const started = Date.now();
    expect(await seed(db.url, { products: 10_000 })).toEqual({ created: true });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await seed(db.url, { products: 10_000 })).toEqual({ created: false });
    expect((await client.query('SELECT count(*)::int AS n FROM "Product"')).rows[0]).toEqual({
      n: 10_000,
    });
  });
});

describe('database guards', () => {
  it('refuses negative stock with a CHECK constraint', async () => {
    await seed(db.url);
    await expect(
      client.query(`UPDATE "Product" SET stock = -1 WHERE slug = $1`, [SOLD_OUT_SLUG]),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'Product_stock_nonnegative',
    });
  });

  it('refuses a negative price and non-positive cart quantities', async () => {
    await seed(db.url);
    await expect(
      client.query(`UPDATE "Product" SET "priceAmount" = -100 WHERE slug = $1`, [SOLD_OUT_SLUG]),
    ).rejects.toMatchObject({ code: '23514' });
    const cart = await client.query<{ id: string }>(
      `INSERT INTO "Cart" (id, "updatedAt") VALUES (gen_random_uuid(), now()) RETURNING id`,
    );
    await expect(
      client.query(
        `INSERT INTO "CartItem" ("cartId", "productId", quantity) SELECT $1, id, 0 FROM "Product" LIMIT 1`,
        [cart.rows[0]?.id],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'CartItem_quantity_positive' });
  });
});

describe('seed on an unprepared database', () => {
  it('asks for migrations first, in one line', async () => {
    const url = db.url.replace(/\/[^/?]+(\?|$)/, '/postgres$1');
    await expect(seed(url)).rejects.toThrow(/has no shop tables yet: run the migrations first/);
  });
});
