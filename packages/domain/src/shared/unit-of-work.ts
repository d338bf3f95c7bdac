/**
 * The domain's view of a transaction: opaque. Infrastructure decides what it is (a Prisma
 * transaction client); repositories accept it first so several saves commit or roll back together,
 * and a repository's `save` enlists the aggregate with it, so its events leave with the commit.
 */
export interface Tx {
  readonly __transaction: unique symbol;
}

/**
 * Runs `work` in one transaction, retrying it when the database asks to (deadlock,
 * serialization); once it commits, the events of every aggregate saved in it are handed on.
 */
export type UnitOfWork = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
