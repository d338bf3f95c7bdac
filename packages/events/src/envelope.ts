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
  id: z.uuid().describe("The event's id: the BullMQ job id and the key of every consumer's inbox."),
  name: z
    .string()
    .regex(/^[a-z]+\.[A-Z][A-Za-z]+$/)
    .describe('`<context>.<PastTenseFact>`: with `version`, which schema `payload` follows.'),
  version: z
    .number()
    .int()
    .positive()
    .describe('The version of the payload schema; consumers refuse versions they do not know.'),
  occurredAt: z.iso.datetime({ offset: true }).describe('When the producer recorded the event.'),
  producer: z.enum(services).describe('The service that published it.'),
  aggregateId: z
    .string()
    .min(1)
    .max(100)
    .describe('The aggregate whose change this event reports (the order, the payment).'),
  correlationId: z
    .string()
    .min(1)
    .max(100)
    .describe('Ties a conversation together: the order id for a checkout.'),
  causationId: z
    .uuid()
    .nullable()
    .describe('The id of the event whose handling produced this one; null for a user action.'),
  traceparent: z
    .string()
    .regex(traceparentPattern)
    .nullable()
    .describe('W3C trace context of the request that caused it; null when there was none.'),
  payload: z.unknown().describe('The facts, as the schema of `name` and `version` says.'),
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
