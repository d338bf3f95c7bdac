/** Sessions by the SHA-256 of their cookie's token; the token itself is never stored. */
import { randomUUID } from 'node:crypto';
import { refreshBefore, Session } from '@shop/domain/identity/session';
import type { SessionRepository } from '@shop/domain/identity/session-repository';
import { userFields } from './account.repository';
import type { Db } from './transactions';
import { prismaTx } from './unit-of-work';

/** The domain's `SessionRepository` over the `Session` table. */
export function createSessionRepository(db: Db): SessionRepository {
  return {
    nextId: () => randomUUID(),
    async add(tx, session) {
      const { id, accountId, tokenHash, expiresAt, lastUsedAt } = session.snapshot();
      await prismaTx(db, tx).session.create({
        data: { id, userId: accountId, tokenHash, expiresAt, lastUsedAt },
      });
    },
    async findByTokenHashes(tx, tokenHashes) {
      const rows = await prismaTx(db, tx).session.findMany({
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
    async remove(tx, ids) {
      await prismaTx(db, tx).session.deleteMany({ where: { id: { in: [...ids] } } });
    },
    async removeAllOf(tx, accountId) {
      await prismaTx(db, tx).session.deleteMany({ where: { userId: accountId } });
    },
    /**
     * Writes the touched use unless the stored one is already fresh: of requests arriving
     * together, one writes and the others find nothing to do (one conditional UPDATE).
     */
    async saveUse(tx, session) {
      const at = session.lastUsedAt;
      await prismaTx(db, tx).session.updateMany({
        where: { id: session.id, lastUsedAt: { lt: refreshBefore(at) } },
        data: { lastUsedAt: at },
      });
    },
  };
}
