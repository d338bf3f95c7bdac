/**
 * The API's side of the transactional outbox: writes envelopes into its `outbox` table with the
 * transaction it is handed, so they commit — or vanish — with the change they tell of. The relay
 * (`@shop/event-bus/relay`) publishes them from there.
 */
import type { Envelope } from '@shop/events/envelope';
import { insertOutboxSql, outboxValues } from '@shop/event-bus/outbox';
import type { Tx } from './transactions';

export async function writeOutbox(tx: Tx, envelopes: readonly Envelope[]): Promise<void> {
  for (const envelope of envelopes) await tx.$executeRawUnsafe(insertOutboxSql, ...outboxValues(envelope));
}
