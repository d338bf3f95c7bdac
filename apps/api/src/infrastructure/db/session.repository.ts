/** Sessions by the SHA-256 of their cookie's token; the token itself is never stored. */
import { randomUUID } from 'node:crypto';
import { Session } from '@shop/domain/identity/session';
import type { SessionRepository } from '@shop/domain/identity/session-repository';
import { refreshBefore } from '@shop/domain/identity/session';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import { userFields, type UserRow } from './user.repository';
import type { Db, Tx } from './transactions';

export interface SessionRow {
  id: string;
  tokenHash: string;
  expiresAt: Date;
  lastUsedAt: Date;
  user: UserRow;
}

export async function insertSession(
  db: Db | Tx,
  data: { userId: string; tokenHash: string; expiresAt: Date; lastUsedAt: Date },
): Promise<void> {
  await db.session.create({ data });
}

export function findSessionsByTokenHashes(
  db: Db | Tx,
  tokenHashes: readonly string[],
): Promise<SessionRow[]> {
  return db.session.findMany({
    where: { tokenHash: { in: [...tokenHashes] } },
    select: {
      id: true,
      tokenHash: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: userFields },
    },
  });
}

export async function deleteSessions(db: Db | Tx, ids: readonly string[]): Promise<void> {
  await db.session.deleteMany({ where: { id: { in: [...ids] } } });
}

export async function deleteSessionsOfUser(db: Db | Tx, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

/**
 * Records a use at `at`, unless the last recorded use is already since `staleBefore`: of requests
 * arriving together, one writes and the others find nothing to do.
 */
export async function touchSession(
  db: Db | Tx,
  id: string,
  at: Date,
  staleBefore: Date,
): Promise<void> {
  await db.session.updateMany({
    where: { id, lastUsedAt: { lt: staleBefore } },
    data: { lastUsedAt: at },
  });
}

/** The domain's `SessionRepository` over the `Session` table. */
export function createSessionRepository(db: Db): SessionRepository {
  const client = (tx?: DomainTx): Db | Tx => (tx as unknown as Tx | undefined) ?? db;
  return {
    nextId: () => randomUUID(),
    async add(session, tx) {
      const { id, accountId, tokenHash, expiresAt, lastUsedAt } = session.snapshot();
      await client(tx).session.create({
        data: { id, userId: accountId, tokenHash, expiresAt, lastUsedAt },
      });
    },
    async findByTokenHashes(tokenHashes, tx) {
      const rows = await findSessionsByTokenHashes(client(tx), tokenHashes);
      return rows.map(({ user, ...row }) => ({
        session: Session.rehydrate({ ...row, accountId: user.id }),
        account: user,
      }));
    },
    remove: (ids, tx) => deleteSessions(client(tx), ids),
    removeAllOf: (accountId, tx) => deleteSessionsOfUser(client(tx), accountId),
    saveUse: (session, tx) =>
      touchSession(client(tx), session.id, session.lastUsedAt, refreshBefore(session.lastUsedAt)),
  };
}
