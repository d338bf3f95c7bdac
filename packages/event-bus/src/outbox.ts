/**
 * The outbox's rows: a producer writes its events with `insertOutboxSql` inside the transaction
 * that changed its aggregates, so the events exist exactly when the change does. The table (same
 * shape in every service's database, see each service's migration) is also the event log: a
 * published row stays until `EVENT_LOG_DAYS` have passed.
 */
import type { Envelope } from '@shop/events/envelope';

export const outboxColumns =
  'id, name, version, producer, aggregate_id, correlation_id, causation_id, traceparent, payload, occurred_at';

/** `$1…$10` in the order of `outboxValues`. */
export const insertOutboxSql = `INSERT INTO outbox (${outboxColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::timestamptz)`;

export function outboxValues(envelope: Envelope): unknown[] {
  return [
    envelope.id,
    envelope.name,
    envelope.version,
    envelope.producer,
    envelope.aggregateId,
    envelope.correlationId,
    envelope.causationId,
    envelope.traceparent,
    JSON.stringify(envelope.payload),
    envelope.occurredAt,
  ];
}

/** An outbox row as `pg` returns it, turned back into the envelope it stored. */
export interface OutboxRow {
  id: string;
  name: string;
  version: number;
  producer: 'api' | 'worker';
  aggregate_id: string;
  correlation_id: string;
  causation_id: string | null;
  traceparent: string | null;
  payload: unknown;
  occurred_at: Date;
}

export function envelopeOf(row: OutboxRow): Envelope {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    producer: row.producer,
    aggregateId: row.aggregate_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    traceparent: row.traceparent,
    payload: row.payload,
    occurredAt: row.occurred_at.toISOString(),
  };
}
