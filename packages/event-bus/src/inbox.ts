/**
 * The inbox: a consumer's record of the events it handled, in its own database. A handler runs
 * `claimInboxSql` first in the transaction of its effect; no row back means this consumer already
 * handled the event (a second publish, a redelivered stalled job, a replay), so it commits nothing
 * else. `recordOutcomeSql` keeps one line on what the effect was, for the event journey.
 */
import type { Envelope } from '@shop/events/envelope';

/** `$1…$5` in the order of `inboxValues`; returns `event_id` only when this call claimed it. */
export const claimInboxSql =
  'INSERT INTO inbox (consumer, event_id, event_name, correlation_id, traceparent) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id';

export function inboxValues(consumer: string, envelope: Envelope): unknown[] {
  return [consumer, envelope.id, envelope.name, envelope.correlationId, envelope.traceparent];
}

/** `$1` consumer, `$2` event id, `$3` outcome. */
export const recordOutcomeSql =
  'UPDATE inbox SET outcome = $3 WHERE consumer = $1 AND event_id = $2';
