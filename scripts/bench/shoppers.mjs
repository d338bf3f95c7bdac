// Bench shoppers made directly in SQL: a user, a live session (only the token's hash is stored, like the API does)
// and optionally a filled cart. Logging thousands of users in over HTTP would benchmark argon2, not the shop.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

/** Encodings of SHA-256(token) that the API might store; `detectTokenHash` finds the one it uses. */
const hashEncodings = ['hex', 'base64url', 'base64'];
const hotProductCount = 500;
const hugeStock = 1_000_000_000;

export async function openShoppers(databaseUrl) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the final DROP DATABASE … WITH (FORCE) may cut one.
  pool.on('error', (error) => {
    if (error.code !== '57P01') console.error(`bench shoppers pool: ${error.message}`);
  });
  // The products the bench buys get stock that never runs out, so no checkout fails for lack of it.
  const { rows } = await pool.query(
    `UPDATE "Product" SET stock = $1 WHERE id IN (SELECT id FROM "Product" ORDER BY md5(slug) LIMIT $2) RETURNING id`,
    [hugeStock, hotProductCount],
  );
  return new Shoppers(pool, rows.map((row) => row.id).sort());
}

class Shoppers {
  #serial = 0;

  constructor(pool, productIds) {
    this.pool = pool;
    this.productIds = productIds;
    this.encoding = 'hex';
  }

  /** Creates `count` users with sessions; with `cart`, each cart holds two products (quantities 1 and 2). */
  async create(count, { cart = false } = {}) {
    const users = Array.from({ length: count }, () => {
      const n = ++this.#serial;
      return {
        id: randomUUID(),
        n,
        email: `bench-${n}@bench.test`,
        token: randomBytes(32).toString('base64url'),
      };
    });
    const column = (pick) => users.map(pick);
    await this.pool.query(
      `INSERT INTO "User" (id, name, email, "passwordHash")
       SELECT id, 'Bench shopper ' || n, email, 'not-a-password-hash' FROM unnest($1::uuid[], $2::int[], $3::text[]) AS u(id, n, email)`,
      [column((u) => u.id), column((u) => u.n), column((u) => u.email)],
    );
    await this.pool.query(
      `INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt")
       SELECT gen_random_uuid(), h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS s(h, u)`,
      [column((u) => this.hash(u.token)), column((u) => u.id)],
    );
    if (cart) await this.#fillCarts(users);
    return users.map((u) => ({ userId: u.id, cookie: `shop_session=${u.token}` }));
  }

  async #fillCarts(users) {
    const carts = users.map((u) => ({
      id: randomUUID(),
      userId: u.id,
      products: this.#twoProducts(),
    }));
    await this.pool.query(
      `INSERT INTO "Cart" (id, "userId", "updatedAt") SELECT id, u, now() FROM unnest($1::uuid[], $2::uuid[]) AS c(id, u)`,
      [carts.map((c) => c.id), carts.map((c) => c.userId)],
    );
    await this.pool.query(
      `INSERT INTO "CartItem" ("cartId", "productId", quantity)
       SELECT c, p, q FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS i(c, p, q)`,
      [
        carts.flatMap((c) => [c.id, c.id]),
        carts.flatMap((c) => c.products),
        carts.flatMap(() => [1, 2]),
      ],
    );
  }

  #twoProducts() {
    const pick = () => this.productIds[Math.floor(Math.random() * this.productIds.length)];
    const first = pick();
    let second = pick();
    while (second === first) second = pick();
    return [first, second];
  }

  hash(token) {
    return createHash('sha256').update(token).digest(this.encoding);
  }

  /** Ask the running API who a SQL-made session belongs to, trying each plausible hash encoding. */
  async detectTokenHash(apiUrl) {
    for (const encoding of hashEncodings) {
      this.encoding = encoding;
      const [shopper] = await this.create(1);
      const res = await fetch(`${apiUrl}/trpc/auth.me`, { headers: { cookie: shopper.cookie } });
      const me = res.ok ? (await res.json()).result?.data : null;
      if (me?.id === shopper.userId) return encoding;
    }
    throw new Error(
      'the API did not recognise a session made as SHA-256(token) in hex/base64url/base64 in "Session"."tokenHash" ' +
        '(cookie shop_session=<token>); adapt scripts/bench/shoppers.mjs to how apps/api stores sessions',
    );
  }

  async close() {
    await this.pool.end();
  }
}
