/**
 * The payment consumer's use cases against a real worker database and a real HTTP card processor:
 * each event once, twice, twice at once, and out of order — exactly one effect each time, and a
 * state that explains itself in the inbox.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeFor, type Envelope } from '@shop/events/envelope';
import { OrderCancelled, OrderPlaced } from '@shop/events/ordering';
import { newTraceparent, traceIdOf } from '@shop/event-bus/trace';
import { envelopeOf, outboxColumns, type OutboxRow } from '@shop/event-bus/outbox';
import { parseEnvelope } from '@shop/events/catalogue';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { startTestProcessor, testCards } from '../../test/card-processor';
import { createCardProcessorClient } from './card-processor-client';
import { onOrderCancelled } from './on-order-cancelled';
import { onOrderPlaced } from './on-order-placed';
import type { PaymentDeps } from './payment-deps';

let db: TestDatabase;
let processor: Awaited<ReturnType<typeof startTestProcessor>>;
let deps: PaymentDeps;
/** Payment methods of the approved and the declined test card. */
let approvedCard: string;
let declinedCard: string;

beforeAll(async () => {
  db = await createTestDatabase('payment');
  // A slow processor keeps each charge's transaction open long enough for "at once" to overlap.
  processor = await startTestProcessor({ delayMs: 50 });
  deps = {
    db: db.pool,
    processor: createCardProcessorClient({ url: processor.url, secretKey: processor.secretKey }),
  };
  approvedCard = await processor.tokenize(testCards.approved);
  declinedCard = await processor.tokenize(testCards.declined);
});
afterAll(async () => {
  await processor?.close();
  await db?.drop();
});

function placed(orderId: string, paymentMethodId = approvedCard) {
  return envelopeFor(
    OrderPlaced,
    {
      orderId,
      customerId: 'usr_1',
      amount: 23_000,
      currency: 'KRW',
      lines: [{ productId: 'prd_1', quantity: 2, unitPrice: 11_500 }],
      paymentMethodId,
      reservedUntil: new Date(Date.now() + 15 * 60_000).toISOString(),
    },
    { aggregateId: orderId, correlationId: orderId, traceparent: newTraceparent() },
  );
}

function cancelled(orderId: string, refundDue = true) {
  return envelopeFor(
    OrderCancelled,
    {
      orderId,
      customerId: 'usr_1',
      email: 'kim@example.com',
      customerName: 'Kim',
      reason: 'customer',
      refundDue,
      cancelledAt: new Date().toISOString(),
    },
    { aggregateId: orderId, correlationId: orderId, traceparent: newTraceparent() },
  );
}

/**
 * What the worker's database says about one order. Every outbox row must read back as an envelope
 * the consumers accept (`parseEnvelope`), so each test also checks the events it caused.
 */
async function recorded(orderId: string) {
  const q = async <Row>(sql: string) => (await db.pool.query(sql, [orderId])).rows as Row[];
  type PaymentRow = { status: string; charge_id: string | null; refund_id: string | null };
  // Undefined when the order has no payment row; typed as present for the tests' brevity.
  const payment = (
    await q<PaymentRow>('SELECT status, charge_id, refund_id FROM payments WHERE order_id = $1')
  )[0] as PaymentRow;
  const outbox = (
    await q<OutboxRow>(
      `SELECT ${outboxColumns} FROM outbox WHERE correlation_id = $1 ORDER BY occurred_at`,
    )
  ).map(envelopeOf);
  for (const envelope of outbox) expect(parseEnvelope(envelope)).toMatchObject({ ok: true });
  return {
    payment,
    ledger: await q<{ kind: string; amount: number; processor_ref: string }>(
      'SELECT kind, amount, currency, processor_ref FROM ledger_entries WHERE order_id = $1 ORDER BY recorded_at',
    ),
    outbox: outbox as Envelope<Record<string, unknown>>[],
    inbox: await q<{ event_name: string; outcome: string }>(
      'SELECT event_name, outcome FROM inbox WHERE correlation_id = $1 ORDER BY handled_at',
    ),
  };
}

async function chargesDuring(work: () => Promise<unknown>) {
  const before = processor.counts();
  await work();
  const after = processor.counts();
  return { charges: after.charges - before.charges, refunds: after.refunds - before.refunds };
}

describe('ordering.OrderPlaced', () => {
  it('charges the card and answers PaymentCaptured in the same conversation', async () => {
    const orderId = randomUUID();
    const event = placed(orderId);
    const outcome = await onOrderPlaced(deps, event);
    expect(outcome).toMatch(/^charged: ch_[0-9a-f]+ captured$/);
    const state = await recorded(orderId);
    expect(state.payment).toMatchObject({ status: 'captured', refund_id: null });
    expect(state.ledger).toEqual([
      { kind: 'charge', amount: 23_000, currency: 'KRW', processor_ref: state.payment.charge_id },
    ]);
    expect(state.outbox).toHaveLength(1);
    const [answer] = state.outbox;
    expect(answer).toMatchObject({
      name: 'payment.PaymentCaptured',
      producer: 'worker',
      correlationId: orderId,
      causationId: event.id,
      payload: {
        orderId,
        chargeId: state.payment.charge_id,
        amount: 23_000,
        currency: 'KRW',
        cardLast4: '4242',
      },
    });
    expect(traceIdOf(answer?.traceparent)).toBe(traceIdOf(event.traceparent));
    expect(state.inbox).toEqual([{ event_name: 'ordering.OrderPlaced', outcome }]);
  });

  it('records a decline with its reason and no ledger entry', async () => {
    const orderId = randomUUID();
    expect(await onOrderPlaced(deps, placed(orderId, declinedCard))).toMatch(
      /^declined: ch_[0-9a-f]+ \(card_declined\)$/,
    );
    const state = await recorded(orderId);
    expect(state.payment.status).toBe('declined');
    expect(state.ledger).toEqual([]);
    expect(state.outbox.map((row) => [row.name, row.payload.reason])).toEqual([
      ['payment.PaymentDeclined', 'card_declined'],
    ]);
  });

  it('handles the same event twice with one charge and one answer', async () => {
    const orderId = randomUUID();
    const event = placed(orderId);
    const effect = await chargesDuring(async () => {
      await onOrderPlaced(deps, event);
      expect(await onOrderPlaced(deps, event)).toBe('duplicate: handled already');
    });
    expect(effect).toEqual({ charges: 1, refunds: 0 });
    expect((await recorded(orderId)).outbox).toHaveLength(1);
  });

  it('handles the same event twice at once with one charge and one answer', async () => {
    const orderId = randomUUID();
    const event = placed(orderId);
    let outcomes: string[] = [];
    const effect = await chargesDuring(async () => {
      outcomes = await Promise.all([onOrderPlaced(deps, event), onOrderPlaced(deps, event)]);
    });
    expect(effect).toEqual({ charges: 1, refunds: 0 });
    expect(outcomes.filter((o) => o === 'duplicate: handled already')).toHaveLength(1);
    const state = await recorded(orderId);
    expect(state.outbox).toHaveLength(1);
    expect(state.ledger).toHaveLength(1);
  });

  it('never charges an order twice, even under another event id', async () => {
    const orderId = randomUUID();
    await onOrderPlaced(deps, placed(orderId));
    const effect = await chargesDuring(async () => {
      expect(await onOrderPlaced(deps, placed(orderId))).toBe(
        'nothing to do: the payment is captured already',
      );
    });
    expect(effect).toEqual({ charges: 0, refunds: 0 });
  });

  it('gets the first answer again when a worker died after the processor charged', async () => {
    const orderId = randomUUID();
    const event = placed(orderId);
    // The first attempt reached the processor, then the worker died before its commit.
    const first = await deps.processor.charge({
      orderId,
      paymentMethodId: event.payload.paymentMethodId,
      amount: 23_000,
      currency: 'KRW',
    });
    const effect = await chargesDuring(() => onOrderPlaced(deps, event));
    expect(effect).toEqual({ charges: 0, refunds: 0 });
    expect((await recorded(orderId)).payment.charge_id).toBe(first.id);
  });
});

describe('when the processor cannot answer', () => {
  it('records nothing and throws while retries are left, then succeeds on a retry', async () => {
    const orderId = randomUUID();
    const pm = await processor.tokenize(testCards.approved);
    processor.breakDown(pm);
    const event = placed(orderId, pm);
    await expect(onOrderPlaced(deps, event)).rejects.toMatchObject({
      retryable: true,
      status: 503,
    });
    expect(await recorded(orderId)).toMatchObject({ payment: undefined, inbox: [], outbox: [] });
    processor.recover(pm);
    expect(await onOrderPlaced(deps, event)).toMatch(/^charged:/);
  });

  it('fails the payment on the last attempt and tells ordering, charging nothing', async () => {
    const orderId = randomUUID();
    const pm = await processor.tokenize(testCards.approved);
    processor.breakDown(pm);
    const outcome = await onOrderPlaced(deps, placed(orderId, pm), { finalAttempt: true });
    expect(outcome).toMatch(/^failed: The card processor .* failed with 503 processor_unavailable/);
    const state = await recorded(orderId);
    expect(state.payment.status).toBe('failed');
    expect(state.outbox.map((row) => row.name)).toEqual(['payment.PaymentFailed']);
  });

  it('fails the payment at once when the processor refuses the request itself', async () => {
    const orderId = randomUUID();
    // A payment method the processor does not know (its vault is in memory: a restart forgets).
    const pm = 'pm_0123456789abcdef01234567';
    expect(await onOrderPlaced(deps, placed(orderId, pm))).toMatch(
      /^failed: .*refused with 404 payment_method_not_found: No payment method pm_0123456789abcdef01234567/,
    );
    const state = await recorded(orderId);
    expect(state.outbox.map((row) => [row.name, row.payload.reason])).toEqual([
      ['payment.PaymentFailed', expect.stringMatching(/404 payment_method_not_found/)],
    ]);
    expect(await onOrderCancelled(deps, cancelled(orderId))).toBe(
      'nothing to refund: the charge failed',
    );
  });
});

describe('ordering.OrderCancelled', () => {
  it('refunds a captured charge once, however often the cancellation arrives', async () => {
    const orderId = randomUUID();
    await onOrderPlaced(deps, placed(orderId));
    const cancel = cancelled(orderId);
    const effect = await chargesDuring(async () => {
      const outcomes = await Promise.all([
        onOrderCancelled(deps, cancel),
        onOrderCancelled(deps, cancel),
      ]);
      expect(outcomes.sort()).toEqual([
        'duplicate: handled already',
        expect.stringMatching(/^refunded: re_[0-9a-f]+ gives back ch_[0-9a-f]+$/),
      ]);
      expect(await onOrderCancelled(deps, cancel)).toBe('duplicate: handled already');
      expect(await onOrderCancelled(deps, cancelled(orderId))).toBe(
        'nothing to refund: refunded already',
      );
    });
    expect(effect).toEqual({ charges: 0, refunds: 1 });
    const state = await recorded(orderId);
    expect(state.payment.status).toBe('refunded');
    expect(state.ledger.map((entry) => entry.kind)).toEqual(['charge', 'refund']);
    expect(state.outbox.map((row) => row.name)).toEqual([
      'payment.PaymentCaptured',
      'payment.PaymentRefunded',
    ]);
    expect(state.outbox[1]).toMatchObject({
      causationId: cancel.id,
      payload: {
        refundId: state.payment.refund_id,
        amount: 23_000,
        reason: 'order cancelled (customer)',
      },
    });
  });

  it('refunds an approval that came after the order was cancelled, and says so', async () => {
    const orderId = randomUUID();
    await onOrderPlaced(deps, placed(orderId));
    expect(await onOrderCancelled(deps, cancelled(orderId, false))).toMatch(
      /^refunded: .* — captured after the order was cancelled$/,
    );
  });

  it('has nothing to refund after a decline', async () => {
    const orderId = randomUUID();
    await onOrderPlaced(deps, placed(orderId, declinedCard));
    const effect = await chargesDuring(async () => {
      expect(await onOrderCancelled(deps, cancelled(orderId))).toBe(
        'nothing to refund: the charge was declined',
      );
    });
    expect(effect).toEqual({ charges: 0, refunds: 0 });
    expect((await recorded(orderId)).outbox.map((row) => row.name)).toEqual([
      'payment.PaymentDeclined',
    ]);
  });
});

describe('out of order', () => {
  it('a cancellation before the order leaves a tombstone; the order is skipped, never charged', async () => {
    const orderId = randomUUID();
    const cancel = cancelled(orderId);
    const order = placed(orderId);
    const effect = await chargesDuring(async () => {
      expect(await onOrderCancelled(deps, cancel)).toBe(
        'tombstone: cancelled before the order was seen; it will not be charged',
      );
      expect((await recorded(orderId)).payment.status).toBe('awaiting-order');
      expect(await onOrderPlaced(deps, order)).toBe(
        'skipped: the order was cancelled before it was charged',
      );
      expect(await onOrderPlaced(deps, order)).toBe('duplicate: handled already');
    });
    expect(effect).toEqual({ charges: 0, refunds: 0 });
    const state = await recorded(orderId);
    expect(state.payment.status).toBe('skipped');
    expect(state.ledger).toEqual([]);
    expect(state.outbox).toEqual([
      expect.objectContaining({
        name: 'payment.ChargeSkipped',
        causationId: order.id,
        payload: expect.objectContaining({
          orderId,
          reason: 'order-cancelled-before-charge',
        }) as unknown,
      }),
    ]);
    expect(state.inbox.map((row) => row.event_name)).toEqual([
      'ordering.OrderCancelled',
      'ordering.OrderPlaced',
    ]);
  });

  it('an order and its cancellation at once end either skipped or refunded, never charged and kept', async () => {
    const orderId = randomUUID();
    const effect = await chargesDuring(() =>
      Promise.all([
        onOrderPlaced(deps, placed(orderId)),
        onOrderCancelled(deps, cancelled(orderId)),
      ]),
    );
    const { payment } = await recorded(orderId);
    if (payment.status === 'skipped') expect(effect).toEqual({ charges: 0, refunds: 0 });
    else {
      expect(payment.status).toBe('refunded');
      expect(effect).toEqual({ charges: 1, refunds: 1 });
    }
  });
});
