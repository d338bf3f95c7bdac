// Reference limit 2: the checkout's minimum SQL written by hand with `pg`, behind a bare node:http server.
// POST /checkout with the session cookie and `{ idempotencyKey, shippingAddress, payment }` does what the real
// `orders.place` must: find the session, then in one transaction read the cart, reserve stock with conditional
// decrements in product-id order (these also read the current prices), insert the order, its lines, the charge and
// the status history, and empty the cart. No validation library, no ORM, no framework: the floor for this work.
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const hashEncoding = process.env.TOKEN_HASH_ENCODING ?? 'hex';

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const sessionToken = (cookie = '') => /(?:^|;\s*)shop_session=([^;]+)/.exec(cookie)?.[1];
const sha256 = (text, encoding = 'hex') => createHash('sha256').update(text).digest(encoding);

async function userIdFor(token) {
  if (!token) throw new HttpError(401, 'no session');
  const { rows } = await pool.query(
    'SELECT "userId" FROM "Session" WHERE "tokenHash" = $1 AND "expiresAt" > now()',
    [sha256(decodeURIComponent(token), hashEncoding)],
  );
  if (!rows[0]) throw new HttpError(401, 'no session');
  return rows[0].userId;
}

async function reserve(db, items) {
  const lines = [];
  for (const item of items) {
    const { rows } = await db.query(
      'UPDATE "Product" SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING name, "priceAmount", currency',
      [item.productId, item.quantity],
    );
    if (!rows[0]) throw new HttpError(409, 'Sold out');
    lines.push({ ...item, ...rows[0], lineTotal: rows[0].priceAmount * item.quantity });
  }
  return lines;
}

async function insertOrder(db, userId, input, lines) {
  const id = randomUUID();
  const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const a = input.shippingAddress;
  const fingerprint = sha256(JSON.stringify([lines.map((l) => [l.productId, l.quantity]), a]));
  await db.query(
    `INSERT INTO "Order" (id, "userId", status, "totalAmount", currency, "idempotencyKey", "requestHash",
       "shipFullName", "shipAddress", "shipCity", "shipPostalCode", "shipCountry")
     VALUES ($1, $2, 'PAID', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      userId,
      total,
      lines[0].currency,
      input.idempotencyKey,
      fingerprint,
      a.fullName,
      a.address,
      a.city,
      a.postalCode,
      a.country,
    ],
  );
  const placeholders = lines.map(
    (_, i) => `($1, ${[2, 3, 4, 5, 6, 7].map((n) => `$${i * 6 + n}`).join(', ')})`,
  );
  await db.query(
    `INSERT INTO "OrderLine" ("orderId", id, "productId", name, "unitPrice", quantity, "lineTotal")
     VALUES ${placeholders.join(', ')}`,
    [
      id,
      ...lines.flatMap((l) => [
        randomUUID(),
        l.productId,
        l.name,
        l.priceAmount,
        l.quantity,
        l.lineTotal,
      ]),
    ],
  );
  const last4 = input.payment.cardNumber.replace(/\D/g, '').slice(-4);
  await db.query(
    `INSERT INTO "Payment" (id, "orderId", kind, outcome, amount, currency, "cardLast4")
     VALUES ($1, $2, 'CHARGE', 'APPROVED', $3, $4, $5)`,
    [randomUUID(), id, total, lines[0].currency, last4],
  );
  await db.query(
    `INSERT INTO "OrderStatusChange" (id, "orderId", status, at)
     VALUES ($1, $3, 'PENDING_PAYMENT', now()), ($2, $3, 'PAID', clock_timestamp())`,
    [randomUUID(), randomUUID(), id],
  );
  return { id, status: 'PAID', total: { amount: total, currency: lines[0].currency } };
}

async function checkout(userId, input) {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const { rows: items } = await db.query(
      `SELECT ci."cartId", ci."productId", ci.quantity FROM "Cart" c JOIN "CartItem" ci ON ci."cartId" = c.id
       WHERE c."userId" = $1 ORDER BY ci."productId"`,
      [userId],
    );
    if (items.length === 0) throw new HttpError(400, 'cart is empty');
    const order = await insertOrder(db, userId, input, await reserve(db, items));
    await db.query('DELETE FROM "CartItem" WHERE "cartId" = $1', [items[0].cartId]);
    await db.query('COMMIT');
    return order;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    db.release();
  }
}

async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body);
}

function send(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

createServer((req, res) => {
  if (req.method === 'GET') return send(res, 200, { ok: true });
  Promise.all([userIdFor(sessionToken(req.headers.cookie)), readJson(req)])
    .then(([userId, input]) => checkout(userId, input))
    .then((order) => send(res, 200, { result: { data: order } }))
    .catch((error) => send(res, error.status ?? 500, { error: error.message }));
}).listen(Number(process.env.PORT), '127.0.0.1');

process.once('SIGTERM', () => {
  pool.end().finally(() => process.exit(0));
});
