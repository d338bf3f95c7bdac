/** Accounts in the `User` table; the email is stored lower-cased (see the domain's `Email`). */
import { randomUUID } from 'node:crypto';
import { Account } from '@shop/domain/identity/account';
import type { AccountRepository } from '@shop/domain/identity/account-repository';
import { EmailAlreadyRegistered } from '@shop/domain/shared/errors';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import { hasPrismaCode, type Db, type Tx } from './transactions';

/** An account's columns as the shop shows it: never its password hash. */
export const userFields = { id: true, name: true, email: true, role: true } as const;

const accountFields = { ...userFields, passwordHash: true } as const;

/** The domain's `AccountRepository` over the `User` table. */
export function createAccountRepository(db: Db): AccountRepository {
  const client = (tx?: DomainTx): Db | Tx => (tx as unknown as Tx | undefined) ?? db;
  return {
    nextId: () => randomUUID(),
    async add(account, tx) {
      const { id, name, email, passwordHash } = account.snapshot();
      try {
        await client(tx).user.create({
          data: { id, name, email, passwordHash },
          select: { id: true },
        });
      } catch (error) {
        // The unique index on the email decides who registered it first.
        if (hasPrismaCode(error, 'P2002')) throw new EmailAlreadyRegistered();
        throw error;
      }
    },
    async findById(id, tx) {
      const row = await client(tx).user.findUnique({ where: { id }, select: accountFields });
      return row ? Account.rehydrate(row) : null;
    },
    async findByEmail(email, tx) {
      const row = await client(tx).user.findUnique({ where: { email }, select: accountFields });
      return row ? Account.rehydrate(row) : null;
    },
    async save(account, tx) {
      const { id, passwordHash } = account.snapshot();
      await client(tx).user.update({ where: { id }, data: { passwordHash } });
    },
  };
}
