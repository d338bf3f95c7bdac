import type { Envelope } from '@shop/events/envelope';
import type { Tx } from '@shop/domain/shared/unit-of-work';

/**
 * A consumer's record of the events it handled, in this service's database (a port; the adapter
 * is infrastructure/db/inbox.repository.ts). A handler claims the event first, in the transaction
 * of its effect: a second delivery — a second publish, a redelivered stalled job, a replay — finds
 * it claimed and changes nothing.
 */
export interface Inbox {
  /** True when this call claimed the event for `consumer`; false when it was handled before. */
  claim(tx: Tx, consumer: string, envelope: Envelope): Promise<boolean>;
  /** One line on what handling the event did, for the event journey. */
  recordOutcome(tx: Tx, consumer: string, eventId: string, outcome: string): Promise<void>;
}
