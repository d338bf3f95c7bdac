import type { Tx as DomainTx, UnitOfWork } from '@shop/domain/shared/unit-of-work';
import { inTransaction, type Db, type Tx } from './transactions';

/** The Prisma client a repository method runs on: the transaction it was handed, else the pool. */
export function prismaTx(db: Db | Tx, tx?: DomainTx): Db | Tx {
  return (tx as unknown as Tx | undefined) ?? db;
}

/** The domain's `UnitOfWork`: a Prisma transaction (retried on deadlock), passed on opaque. */
export function createUnitOfWork(db: Db): UnitOfWork {
  return (work) => inTransaction(db, (tx) => work(tx as unknown as DomainTx));
}
