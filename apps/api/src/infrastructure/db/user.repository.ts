import { randomUUID } from 'node:crypto';
import type { Role } from '@shop/db/client';
import { Account } from '@shop/domain/identity/account';
import type { AccountRepository } from '@shop/domain/identity/account-repository';
import { EmailAlreadyRegistered } from '@shop/domain/shared/errors';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import { hasPrismaCode, type Db, type Tx } from './transactions';

/** An account without its password hash: what leaves this file unless a check needs the hash. */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export const userFields = { id: true, name: true, email: true, role: true } as const;

/** The new account, or null when the email is already registered (the unique index says so). */
export async function insertUser(
  db: Db | Tx,
  data: { name: string; email: string; passwordHash: string },
): Promise<UserRow | null> {
  try {
    return await db.user.create({ data, select: userFields });
  } catch (error) {
    if (hasPrismaCode(error, 'P2002')) return null;
    throw error;
  }
}

export function findUserWithPasswordHash(
  db: Db | Tx,
  email: string,
): Promise<(UserRow & { passwordHash: string }) | null> {
  return db.user.findUnique({ where: { email }, select: { ...userFields, passwordHash: true } });
}

/** The account's password hash; throws when the account does not exist. */
export async function findPasswordHash(db: Db | Tx, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  return user.passwordHash;
}

export async function updatePasswordHash(
  db: Db | Tx,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
}

/** The domain's `AccountRepository` over the `User` table. */
export function createAccountRepository(db: Db): AccountRepository {
  const client = (tx?: DomainTx): Db | Tx => (tx as unknown as Tx | undefined) ?? db;
  const select = { ...userFields, passwordHash: true } as const;
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
        if (hasPrismaCode(error, 'P2002')) throw new EmailAlreadyRegistered();
        throw error;
      }
    },
    async findById(id, tx) {
      const row = await client(tx).user.findUnique({ where: { id }, select });
      return row ? Account.rehydrate(row) : null;
    },
    async findByEmail(email, tx) {
      const row = await client(tx).user.findUnique({ where: { email }, select });
      return row ? Account.rehydrate(row) : null;
    },
    async save(account, tx) {
      const { id, passwordHash } = account.snapshot();
      await client(tx).user.update({ where: { id }, data: { passwordHash } });
    },
  };
}
