/**
 * The worker's inbox, through the event bus's statements: a consumer claims an event in the same
 * transaction as its effect, and keeps one line on what that effect was. A claim that returns false
 * means this consumer handled the event already (or is handling it right now: the insert waits
 * for that transaction and then finds the row) — commit nothing else.
 */
import type { ConsumerName } from '@shop/events/consumers';
import type { Envelope } from '@shop/events/envelope';
import { claimInboxSql, inboxValues, recordOutcomeSql } from '@shop/event-bus/inbox';
import type { Tx } from '../db/pool';

export async function claimEvent(
  tx: Tx,
  consumer: ConsumerName,
  envelope: Envelope,
): Promise<boolean> {
  const claimed = await tx.query(claimInboxSql, inboxValues(consumer, envelope));
  return claimed.rowCount === 1;
}

export async function recordOutcome(
  tx: Tx,
  consumer: ConsumerName,
  envelope: Envelope,
  outcome: string,
): Promise<void> {
  await tx.query(recordOutcomeSql, [consumer, envelope.id, outcome]);
}
