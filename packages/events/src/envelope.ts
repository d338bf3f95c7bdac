/**
 * The envelope every integration event travels in: one outbox row, one BullMQ job's data. Its id is
 * the job id (so a relay that publishes twice adds once) and the key of every consumer's inbox.
 * `correlationId` ties a conversation together (the order id for a checkout), `causationId` names
 * the event that caused this one, and `traceparent` (W3C trace context) carries the shopper's
 * request's trace into every service that handles it.
 */
import { z } from 'zod';
import { services } from './consumers';
import type { IntegrationEvent } from './define';

export const traceparentPattern = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export const envelopeSchema = z.object({
  id: z.uuid(),
  name: z.string().regex(/^[a-z]+\.[A-Z][A-Za-z]+$/),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.enum(services),
  aggregateId: z.string().min(1).max(100),
  correlationId: z.string().min(1).max(100),
  causationId: z.uuid().nullable(),
  traceparent: z.string().regex(traceparentPattern).nullable(),
  payload: z.unknown(),
});

export type Envelope<Payload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: Payload;
};

export interface EnvelopeContext {
  aggregateId: string;
  correlationId: string;
  causationId?: string | null;
  traceparent?: string | null;
  occurredAt?: Date;
}

/**
 * A new envelope for `event`: the payload is checked against the event's schema here, at the
 * producer, so a malformed event fails the transaction that would have written it.
 */
export function envelopeFor<E extends IntegrationEvent>(
  event: E,
  payload: z.input<E['payload']>,
  context: EnvelopeContext,
): Envelope<z.infer<E['payload']>> {
  return {
    id: globalThis.crypto.randomUUID(),
    name: event.name,
    version: event.version,
    occurredAt: (context.occurredAt ?? new Date()).toISOString(),
    producer: event.producer,
    aggregateId: context.aggregateId,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    traceparent: context.traceparent ?? null,
    payload: event.payload.parse(payload) as z.infer<E['payload']>,
  };
}
