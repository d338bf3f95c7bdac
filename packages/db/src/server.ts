/**
 * Server-level operations: create or drop a whole database. They connect to the server's maintenance
 * database, so the target database need not exist.
 */
import { databaseName, describeTarget, quoteIdent, withMaintenanceClient } from './connection';
import { DbError } from './errors';

/** 42P04 normally; 23505 when two sessions race to create the same database. */
const ALREADY_EXISTS = new Set(['42P04', '23505']);

/** Creates the database named in `url` when it is missing; touches nothing else on the server. */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const name = databaseName(url);
  return withMaintenanceClient(url, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return { created: false };
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return { created: true };
    } catch (error) {
      if (ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) return { created: false };
      throw new DbError(
        'QUERY_FAILED',
        `Cannot create database ${describeTarget(url)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  });
}

/** Drops the database named in `url` if it exists, closing any sessions still connected to it. */
export async function dropDatabase(url: string): Promise<{ dropped: boolean }> {
  const name = databaseName(url);
  return withMaintenanceClient(url, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) return { dropped: false };
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    return { dropped: true };
  });
}
