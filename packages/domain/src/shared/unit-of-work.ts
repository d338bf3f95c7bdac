/**
 * The domain's view of a transaction: opaque. Infrastructure decides what it is (a Prisma
 * transaction client); repositories accept it so several saves commit or roll back together.
 */
export interface Tx {
  readonly __transaction: unique symbol;
}

/** Runs `work` in one transaction, retrying it when the database asks to (deadlock, serialization). */
export type UnitOfWork = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
