import type { Prisma, PrismaClient } from '@shop/db/client';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/**
 * How long a transaction may wait for a connection, and then how long it may run. The shutdown
 * grace is derived from it so that a transaction in flight when SIGTERM arrives always gets to
 * commit or roll back instead of being cut off by the process exit.
 */
export const transactionTimeoutMs = 20_000;
export const transactionOptions = { maxWait: transactionTimeoutMs, timeout: transactionTimeoutMs };
export const shutdownGraceMs = transactionTimeoutMs + 10_000;

/** Prisma's known-request errors carry a `code` such as P2002 (unique violation). */
export function hasPrismaCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

const retryableSqlStates = new Set(['40001', '40P01']);

/** Serialization failures and deadlocks are the database asking us to try again. */
export function isRetryableTransactionError(error: unknown): boolean {
  if (hasPrismaCode(error, 'P2034')) return true;
  // Through the pg driver adapter the SQLSTATE shows up in the message and in meta.driverAdapterError.
  const meta =
    typeof error === 'object' && error !== null && 'meta' in error ? error.meta : undefined;
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(meta ?? '')}` : '';
  return (
    [...retryableSqlStates].some((state) => text.includes(state)) || /deadlock detected/i.test(text)
  );
}

/**
 * How many times this process has run a unit of work again. A retry hides a deadlock from the
 * caller, so tests read this to see that lock order holds rather than being rescued by retries.
 */
let retries = 0;
export const transactionRetryCount = (): number => retries;

export async function withTransactionRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/**
 * A unit of work: `work` runs in one transaction with the timeouts above and runs again, from
 * the start, when the database reports a deadlock or serialization failure.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransactionRetry(() => db.$transaction(work, transactionOptions));
}
