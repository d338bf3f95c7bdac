import { createPrismaClient } from '@shop/db/client';
import type { Db } from './transactions';

/** The process's database: one client with its connection pool, closed at shutdown. */
export function createDatabase(url: string): Db {
  return createPrismaClient(url);
}

/** The URL `db` connects to, for what needs a connection of its own (LISTEN, the relay). */
export { databaseUrlOf } from '@shop/db/client';
