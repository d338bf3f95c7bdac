/**
 * The one PrismaClient factory. Prisma 7 talks to Postgres through the `pg` driver adapter;
 * the caller owns the client and must `$disconnect()` it.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type { Prisma } from './generated/prisma/client';
export * from './generated/prisma/enums';
export { PrismaClient };

export interface ClientOptions {
  /** Pool size of the underlying `pg` pool. */
  max?: number;
}

export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
