/** Sessions by the SHA-256 of their cookie's token; the token itself is never stored. */
import { randomUUID } from 'node:crypto';
import { refreshBefore, Session } from '@shop/domain/identity/session';
import type { SessionRepository } from '@shop/domain/identity/session-repository';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import { userFields } from './account.repository';
import type { Db, Tx } from './transactions';

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
      const rows = await client(tx).session.findMany({
        where: { tokenHash: { in: [...tokenHashes] } },
        select: {
          id: true,
          tokenHash: true,
          expiresAt: true,
          lastUsedAt: true,
          user: { select: userFields },
        },
      });
      return rows.map(({ user, ...row }) => ({
        session: Session.rehydrate({ ...row, accountId: user.id }),
        account: user,
      }));
    },
    async remove(ids, tx) {
      await client(tx).session.deleteMany({ where: { id: { in: [...ids] } } });
    },
    async removeAllOf(accountId, tx) {
      await client(tx).session.deleteMany({ where: { userId: accountId } });
    },
    /**
     * Writes the touched use unless the stored one is already fresh: of requests arriving
     * together, one writes and the others find nothing to do (one conditional UPDATE).
     */
    async saveUse(session, tx) {
      const at = session.lastUsedAt;
      await client(tx).session.updateMany({
        where: { id: session.id, lastUsedAt: { lt: refreshBefore(at) } },
        data: { lastUsedAt: at },
      });
    },
  };
}
