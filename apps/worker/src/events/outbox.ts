/**
 * The worker's outbox, through the event bus's statement: the events a handler produces are rows
 * in the transaction of its effect, so they exist exactly when the effect does; the relay
 * publishes them. Each answering event continues the conversation of the event that caused it —
 * same correlation id, the cause's id as causation id, the same trace (a new span of it).
 */
import { childTraceparent } from '@shop/event-bus/trace';
import { insertOutboxSql, outboxValues } from '@shop/event-bus/outbox';
import type { Envelope, EnvelopeContext } from '@shop/events/envelope';
import type { Tx } from '../db/pool';

export async function writeToOutbox(tx: Tx, envelope: Envelope): Promise<void> {
  await tx.query(insertOutboxSql, outboxValues(envelope));
}

/** The envelope context of an event answering `cause`, about `aggregateId`, at `occurredAt`. */
export function answering(cause: Envelope, aggregateId: string, occurredAt: Date): EnvelopeContext {
  return {
    aggregateId,
    correlationId: cause.correlationId,
    causationId: cause.id,
    traceparent: cause.traceparent ? childTraceparent(cause.traceparent) : null,
    occurredAt,
  };
}
