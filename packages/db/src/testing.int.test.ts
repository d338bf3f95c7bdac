import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseName, withDatabase } from './connection';
import { DEFAULT_SERVER_URL, readEnv } from './env';
import { migrate } from './migrate';
import { createTestDatabase } from './testing';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const serverUrl = withDatabase(readEnv().databaseUrl ?? DEFAULT_SERVER_URL, 'postgres');
  return withClient(
    serverUrl,
    async (c) =>
      ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0,
  );
}

describe('createTestDatabase', () => {
  it('creates isolated, migrated databases named shop_test_<label>_<random>', async () => {
    const [a, b] = await Promise.all([
      createTestDatabase('Iso Test!'),
      createTestDatabase('iso test'),
    ]);
    try {
      expect(databaseName(a.url)).toMatch(/^shop_test_iso_test_[0-9a-f]{10}$/);
      expect(a.url).not.toBe(b.url);
      expect(await migrate(a.url)).toEqual({ applied: [] });
      await withClient(a.url, (c) =>
        c.query(
          `INSERT INTO "Category" (id, slug, name) VALUES (gen_random_uuid(), 'only-in-a', 'A')`,
        ),
      );
      const inA = await withClient(a.url, (c) => c.query('SELECT slug FROM "Category"'));
      const inB = await withClient(b.url, (c) => c.query('SELECT slug FROM "Category"'));
      expect(inA.rows).toEqual([{ slug: 'only-in-a' }]);
      expect(inB.rows).toEqual([]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('drop() removes the database even with connections still open, and can be called twice', async () => {
    const db = await createTestDatabase('drop');
    const leaked = new pg.Client(db.url);
    leaked.on('error', () => undefined);
    await leaked.connect();

    await db.drop();
    await db.drop();

    expect(await databaseExists(databaseName(db.url))).toBe(false);
    await leaked.end().catch(() => undefined);
  });
});
