/**
 * Every integration event in one list, and the lookups the relay and the consumers need: which
 * consumers an event goes to, which events a consumer receives, and turning a job's data back into
 * a typed envelope (or a clear reason why it cannot be).
 */
import type { z } from 'zod';
import { consumers, type ConsumerName } from './consumers';
import type { IntegrationEvent } from './define';
import { envelopeSchema, type Envelope } from './envelope';
import { orderingEvents } from './ordering';
import { paymentEvents } from './payment';

export const events: readonly IntegrationEvent[] = [...orderingEvents, ...paymentEvents];

const byName = new Map(events.map((event) => [event.name, event]));

export function eventNamed(name: string): IntegrationEvent | undefined {
  return byName.get(name);
}

/** The events `consumer` subscribes to. */
export function eventsFor(consumer: ConsumerName): IntegrationEvent[] {
  return events.filter((event) => event.consumers.includes(consumer));
}

/** The consumers (queues) an event named `name` is delivered to. */
export function consumersOf(name: string): readonly ConsumerName[] {
  return byName.get(name)?.consumers ?? [];
}

export { consumers };

export type ParsedEnvelope =
  { ok: true; event: IntegrationEvent; envelope: Envelope } | { ok: false; reason: string };

/**
 * Checks a received envelope against its event's declaration. An unknown name or version, or a
 * payload that does not match, can never succeed on a retry: the consumer sends it straight to the
 * dead letters with this reason.
 */
export function parseEnvelope(data: unknown): ParsedEnvelope {
  const outer = envelopeSchema.safeParse(data);
  if (!outer.success)
    return { ok: false, reason: `not an event envelope: ${summarize(outer.error)}` };
  const event = byName.get(outer.data.name);
  if (!event) return { ok: false, reason: `unknown event ${outer.data.name}` };
  if (event.version !== outer.data.version)
    return {
      ok: false,
      reason: `${event.name} version ${outer.data.version} is not known here (this build reads version ${event.version})`,
    };
  const payload = event.payload.safeParse(outer.data.payload);
  if (!payload.success)
    return { ok: false, reason: `${event.name} payload: ${summarize(payload.error)}` };
  return { ok: true, event, envelope: { ...outer.data, payload: payload.data } };
}

function summarize(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
