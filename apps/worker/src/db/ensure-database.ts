/**
 * Creates the worker's database when it is missing, so `db:migrate` works on a fresh server. It
 * connects to the server's maintenance database and touches nothing else there.
 */
import { databaseName, describeTarget, quoteIdent, withMaintenanceClient } from './connection';

/** 42P04 normally; 23505 when two sessions race to create the same database. */
const ALREADY_EXISTS = new Set(['42P04', '23505']);

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
      throw new Error(
        `Cannot create database ${describeTarget(url)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  });
}
