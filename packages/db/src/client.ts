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

const urls = new WeakMap<PrismaClient, string>();

export function createPrismaClient(databaseUrl: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  const client = new PrismaClient({ adapter });
  urls.set(client, databaseUrl);
  return client;
}

/**
 * The URL a client from `createPrismaClient` connects to: for what Prisma cannot do, such as
 * `LISTEN` on a connection of its own (stage 4's relay and settlement waiter).
 */
export function databaseUrlOf(client: PrismaClient): string {
  const url = urls.get(client);
  if (!url) throw new Error('This PrismaClient was not made by createPrismaClient');
  return url;
}
