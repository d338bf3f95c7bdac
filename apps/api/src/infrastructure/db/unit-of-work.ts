import type { AggregateRoot } from '@shop/domain/shared/aggregate';
import type { DomainEvent } from '@shop/domain/shared/events';
import type { Tx as DomainTx, UnitOfWork } from '@shop/domain/shared/unit-of-work';
import { inTransaction, type Db, type Tx } from './transactions';

type Aggregate = AggregateRoot<DomainEvent>;

/** Where a committed unit of work's events go: the in-process `EventDispatcher` today. */
export interface EventSink {
  dispatch(events: readonly DomainEvent[]): Promise<void>;
}

/**
 * Writes a committing unit of work's events into the outbox, inside its transaction (stage 4):
 * the integration events they become commit — or vanish — with the change.
 */
export type OutboxHook = (tx: DomainTx, events: readonly DomainEvent[]) => Promise<void>;

/** The aggregates saved in each open transaction attempt, keyed by its Prisma client. */
const enlisted = new WeakMap<object, Set<Aggregate>>();

/** The Prisma client a repository method runs on: the transaction it was handed, else the pool. */
export function prismaTx(db: Db | Tx, tx?: DomainTx | null): Db | Tx {
  return (tx as unknown as Tx | null | undefined) ?? db;
}

/**
 * A repository's `save` calls this: the aggregate's events leave with the transaction's commit.
 * Saving an aggregate outside a unit of work would lose its events, so it is refused.
 */
export function enlist(tx: DomainTx, ...aggregates: readonly Aggregate[]): void {
  const saved = enlisted.get(tx);
  if (!saved) throw new Error('An aggregate was saved outside a unit of work');
  for (const aggregate of aggregates) saved.add(aggregate);
}

/**
 * The domain's `UnitOfWork`: a Prisma transaction (retried on deadlock), passed on opaque. Each
 * attempt collects the aggregates its repositories saved; just before the commit it reads their
 * events and hands them to `outbox`, inside the same transaction (the transactional outbox), and
 * once the commit holds it pulls them from the aggregates and hands them to `sink` (in-process
 * handlers: the log). An attempt that rolls back (or is retried) writes and hands on nothing, so
 * no event leaves twice or without its commit.
 */
export function createUnitOfWork(db: Db, sink: EventSink, outbox?: OutboxHook): UnitOfWork {
  return async (work) => {
    const { result, saved, events } = await inTransaction(db, async (prisma) => {
      const saved = new Set<Aggregate>();
      enlisted.set(prisma, saved);
      const result = await work(prisma as unknown as DomainTx);
      const events = [...saved].flatMap((aggregate) => aggregate.pendingEvents);
      if (outbox && events.length > 0) await outbox(prisma as unknown as DomainTx, events);
      return { result, saved, events };
    });
    for (const aggregate of saved) aggregate.pullEvents();
    await sink.dispatch(events);
    return result;
  };
}
