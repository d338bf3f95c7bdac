/**
 * The API's inbox: which events its consumers (`ordering`, `checkout-timeouts`) handled. A handler
 * claims the event in the transaction of its effect; a second delivery finds it claimed.
 */
import { claimInboxSql, inboxValues, recordOutcomeSql } from '@shop/event-bus/inbox';
import type { Envelope } from '@shop/events/envelope';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import type { Db } from './transactions';
import { prismaTx } from './unit-of-work';

/** The application's `Inbox` port (application/inbox.ts) over Prisma. */
export function createInbox(db: Db) {
  return {
    async claim(tx: DomainTx, consumer: string, envelope: Envelope): Promise<boolean> {
      const rows = await prismaTx(db, tx).$queryRawUnsafe<unknown[]>(
        claimInboxSql,
        ...inboxValues(consumer, envelope),
      );
      return rows.length === 1;
    },
    async recordOutcome(tx: DomainTx, consumer: string, eventId: string, outcome: string) {
      await prismaTx(db, tx).$executeRawUnsafe(recordOutcomeSql, consumer, eventId, outcome);
    },
  };
}
