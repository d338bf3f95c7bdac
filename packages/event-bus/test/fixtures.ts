/**
 * Throwaway parts for the bus's own tests: a fresh database holding only the outbox and inbox
 * tables, a unique queue prefix on the real Redis, and envelopes to write.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { envelopeFor, type Envelope } from '@shop/events/envelope';
import { OrderCancelled, OrderPlaced } from '@shop/events/ordering';
import { insertOutboxSql, outboxValues } from '../src/outbox';
import { outboxInboxSql } from '../src/schema';

const serverUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
export const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createBusDatabase() {
  const name = `shop_test_bus_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query(outboxInboxSql);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const prefixes: string[] = [];

/** A queue prefix of this test file's own; `dropPrefixes` deletes their keys afterwards. */
export const testPrefix = () => {
  const prefix = `shop-test-bus-${randomBytes(4).toString('hex')}`;
  prefixes.push(prefix);
  return prefix;
};

/** Deletes every key under the prefixes this file made, so test runs leave Redis as they found it. */
export async function dropPrefixes(redis: Redis): Promise<void> {
  for (const prefix of prefixes.splice(0)) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  }
}

export function placed(orderId: string, reservedUntil = new Date(Date.now() + 60_000)) {
  return envelopeFor(
    OrderPlaced,
    {
      orderId,
      customerId: 'usr_1',
      amount: 12_900,
      currency: 'KRW',
      lines: [{ productId: 'prd_1', quantity: 1, unitPrice: 12_900 }],
      paymentMethodId: 'pm_0123456789abcdef',
      reservedUntil: reservedUntil.toISOString(),
    },
    { aggregateId: orderId, correlationId: orderId },
  );
}

export function cancelled(orderId: string) {
  return envelopeFor(
    OrderCancelled,
    {
      orderId,
      customerId: 'usr_1',
      email: 'shopper@shop.test',
      customerName: 'Shopper',
      reason: 'customer',
      refundDue: false,
      cancelledAt: new Date().toISOString(),
    },
    { aggregateId: orderId, correlationId: orderId },
  );
}

export async function writeOutbox(pool: pg.Pool, ...envelopes: Envelope[]) {
  for (const envelope of envelopes) await pool.query(insertOutboxSql, outboxValues(envelope));
}

export async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
