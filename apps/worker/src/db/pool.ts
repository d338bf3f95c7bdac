/**
 * The worker's one connection pool and its transaction helper. Use cases own their transaction:
 * `inTransaction(pool, work)` commits when `work` resolves and rolls back when it throws, always
 * handing the connection back.
 */
import pg from 'pg';

export type Db = pg.Pool;
/** A client inside an open transaction. */
export type Tx = pg.PoolClient;

export function createPool(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its connection (server restart) must not crash the process; the next
  // checkout opens a fresh one.
  pool.on('error', () => undefined);
  return pool;
}

export async function inTransaction<T>(pool: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
