/** Accounts in the `User` table; the email is stored lower-cased (see the domain's `Email`). */
import { randomUUID } from 'node:crypto';
import { Account } from '@shop/domain/identity/account';
import type { AccountRepository } from '@shop/domain/identity/account-repository';
import { EmailAlreadyRegistered } from '@shop/domain/shared/errors';
import { hasPrismaCode, type Db } from './transactions';
import { enlist, prismaTx } from './unit-of-work';

/** An account's columns as the shop shows it: never its password hash. */
export const userFields = { id: true, name: true, email: true, role: true } as const;

const accountFields = { ...userFields, passwordHash: true } as const;

/** The domain's `AccountRepository` over the `User` table. */
export function createAccountRepository(db: Db): AccountRepository {
  return {
    nextId: () => randomUUID(),
    async add(tx, account) {
      enlist(tx, account);
      const { id, name, email, passwordHash } = account.snapshot();
      try {
        await prismaTx(db, tx).user.create({
          data: { id, name, email, passwordHash },
          select: { id: true },
        });
      } catch (error) {
        // The unique index on the email decides who registered it first.
        if (hasPrismaCode(error, 'P2002')) throw new EmailAlreadyRegistered();
        throw error;
      }
    },
    async findById(tx, id) {
      const row = await prismaTx(db, tx).user.findUnique({ where: { id }, select: accountFields });
      return row ? Account.rehydrate(row) : null;
    },
    async findByEmail(tx, email) {
      const row = await prismaTx(db, tx).user.findUnique({
        where: { email },
        select: accountFields,
      });
      return row ? Account.rehydrate(row) : null;
    },
    async save(tx, account) {
      enlist(tx, account);
      const { id, passwordHash } = account.snapshot();
      await prismaTx(db, tx).user.update({ where: { id }, data: { passwordHash } });
    },
  };
}
