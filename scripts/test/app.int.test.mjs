// prepareWorkerDatabase against the real PostgreSQL server `npm test` provides (DATABASE_URL names a
// database on it; default the local server), on a throw-away database name, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareWorkerDatabase } from '../lib/app.mjs';
import { databaseName, withClient, withDatabase } from '../lib/db.mjs';
import { dropDatabase } from '../lib/services.mjs';

const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `shop_worker_it_${randomBytes(5).toString('hex')}`;
const expectedUrl = withDatabase(serverUrl, name);
afterAll(() => dropDatabase(expectedUrl));

const tablesOf = (url) =>
  withClient(url, async (client) => {
    const { rows } = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    return rows.map((row) => row.table_name);
  });

describe('prepareWorkerDatabase', () => {
  it('creates the worker’s database on the shop’s server and applies its migrations, twice without harm', async () => {
    const url = await prepareWorkerDatabase(serverUrl, { env: {}, database: name });
    expect(url).toBe(expectedUrl);
    expect(databaseName(url)).toBe(name);
    const tables = await tablesOf(url);
    expect(tables).toEqual(
      expect.arrayContaining(['inbox', 'outbox', 'payments', 'worker_migrations']),
    );
    const applied = await withClient(url, (client) =>
      client.query('SELECT count(*)::int AS n FROM worker_migrations'),
    );
    expect(applied.rows[0].n).toBeGreaterThan(0);

    expect(await prepareWorkerDatabase(serverUrl, { env: {}, database: name })).toBe(url);
    expect(await tablesOf(url)).toEqual(tables);
  });

  it('uses WORKER_DATABASE_URL as it is when set', async () => {
    const url = await prepareWorkerDatabase('postgresql://nobody@127.0.0.1:1/unused', {
      env: { WORKER_DATABASE_URL: expectedUrl },
    });
    expect(url).toBe(expectedUrl);
  });

  it('fails with one line that says what to do when the database cannot be reached', async () => {
    await expect(
      prepareWorkerDatabase(serverUrl, {
        env: { WORKER_DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/shop_worker' },
      }),
    ).rejects.toThrow(/^The worker's database could not be created or migrated \(see above\)/);
  });
});
