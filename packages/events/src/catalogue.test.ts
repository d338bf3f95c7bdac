import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consumersOf, eventsFor, events, parseEnvelope } from './catalogue';
import { consumerNames } from './consumers';
import { envelopeFor } from './envelope';
import { OrderCancelled, OrderPlaced } from './ordering';

const placed = {
  orderId: 'ord_1',
  customerId: 'usr_1',
  amount: 12_900,
  currency: 'KRW',
  lines: [{ productId: 'prd_1', quantity: 1, unitPrice: 12_900 }],
  paymentMethodId: 'pm_0123456789abcdef',
  reservedUntil: '2026-12-06T05:00:00.000Z',
};

/** Every key of an object schema, nested objects and arrays of objects included. */
function keysOf(schema: z.ZodType, path = ''): string[] {
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape).flatMap(([key, inner]) => [
      `${path}${key}`,
      ...keysOf(inner as z.ZodType, `${path}${key}.`),
    ]);
  if (schema instanceof z.ZodArray) return keysOf(schema.element as z.ZodType, path);
  return [];
}

describe('the event catalogue', () => {
  it('names each event once, each consumer it names exists, and each consumer receives something', () => {
    expect(new Set(events.map((event) => event.name)).size).toBe(events.length);
    for (const event of events)
      for (const consumer of event.consumers) expect(consumerNames).toContain(consumer);
    for (const consumer of consumerNames) expect(eventsFor(consumer).length).toBeGreaterThan(0);
  });

  it('fans a cancellation out to payment and notifications', () => {
    expect(consumersOf('ordering.OrderCancelled')).toEqual(['payment', 'notifications']);
    expect(consumersOf('ordering.Nothing')).toEqual([]);
  });

  it('carries no card number, password, session or token in any payload', () => {
    for (const event of events)
      for (const key of keysOf(event.payload))
        expect(key, `${event.name}.${key}`).not.toMatch(
          /card(number)?$|cvc|password|session|token|secret/i,
        );
  });
});

describe('envelopes', () => {
  it('round-trips an event through its envelope', () => {
    const envelope = envelopeFor(OrderPlaced, placed, {
      aggregateId: 'ord_1',
      correlationId: 'ord_1',
    });
    const parsed = parseEnvelope(JSON.parse(JSON.stringify(envelope)));
    expect(parsed).toMatchObject({
      ok: true,
      envelope: { name: 'ordering.OrderPlaced', payload: placed },
    });
  });

  it('refuses a payload that does not match at the producer', () => {
    expect(() =>
      envelopeFor(OrderCancelled, { orderId: 'x' } as never, {
        aggregateId: 'x',
        correlationId: 'x',
      }),
    ).toThrow();
  });

  it('says why a received envelope cannot be handled', () => {
    const envelope = envelopeFor(OrderPlaced, placed, {
      aggregateId: 'ord_1',
      correlationId: 'ord_1',
    });
    expect(parseEnvelope({ ...envelope, version: 2 })).toEqual({
      ok: false,
      reason: 'ordering.OrderPlaced version 2 is not known here (this build reads version 1)',
    });
    expect(parseEnvelope({ ...envelope, name: 'ordering.Nothing' })).toEqual({
      ok: false,
      reason: 'unknown event ordering.Nothing',
    });
    expect(parseEnvelope({ ...envelope, payload: { ...placed, amount: -1 } })).toMatchObject({
      ok: false,
    });
    const junk = parseEnvelope('junk');
    expect(junk.ok).toBe(false);
    expect(!junk.ok && junk.reason).toMatch(/^not an event envelope/);
  });
});
