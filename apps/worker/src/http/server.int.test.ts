import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createPool } from '../db/pool';
import { createServer } from './server';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('health');
});
afterAll(() => db.drop());

async function get(pool: TestDatabase['pool'], path: string) {
  const server = createServer({ pool });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, body: await res.json() };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('GET /health', () => {
  it('answers ok with the outbox lag', async () => {
    expect(await get(db.pool, '/health')).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', outboxLagSeconds: 0 },
    });
    await db.pool.query(
      `INSERT INTO outbox (id, name, version, producer, aggregate_id, correlation_id, payload, occurred_at)
       VALUES (gen_random_uuid(), 'x', 1, 'worker', 'a', 'c', '{}', now() - interval '5 seconds')`,
    );
    const { body } = await get(db.pool, '/health');
    expect((body as { outboxLagSeconds: number }).outboxLagSeconds).toBeGreaterThanOrEqual(5);
  });

  it('answers 503 when the database does not', async () => {
    const closed = createPool(db.url);
    await closed.end();
    expect(await get(closed, '/health')).toEqual({
      status: 503,
      body: { status: 'unavailable', database: 'unreachable', outboxLagSeconds: null },
    });
  });

  it('answers other paths with a JSON 404', async () => {
    expect(await get(db.pool, '/nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });
});
