/**
 * The event journey's reads of this database: the order's events from the outbox (what the API
 * recorded, kept as the event log for `EVENT_LOG_DAYS`) and from the inbox (what its consumers
 * handled — the worker's answers among them), found by correlation id through their indexes.
 */
import type { Db } from './transactions';

export function createEventJournal(db: Db) {
  return {
    async conversation(correlationId: string) {
      const [recorded, handled] = await Promise.all([
        db.outboxEvent.findMany({
          where: { correlationId },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            name: true,
            producer: true,
            causationId: true,
            occurredAt: true,
            publishedAt: true,
          },
        }),
        db.inboxEntry.findMany({
          where: { correlationId },
          orderBy: [{ handledAt: 'asc' }, { eventId: 'asc' }],
          select: {
            consumer: true,
            eventId: true,
            eventName: true,
            handledAt: true,
            outcome: true,
          },
        }),
      ]);
      return {
        recorded: recorded.map((row) => ({
          ...row,
          producer: row.producer === 'worker' ? ('worker' as const) : ('api' as const),
        })),
        handled,
      };
    },
  };
}
