/**
 * The event journey (issue 13 §8) of real checkouts: the API's relay and consumers and the worker
 * (spawned by the harness) on this database's own queues, read back through
 * `admin.orders.journey` — what the API recorded, what each consumer's job did, the saga's steps.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JourneyEvent, OrderJourney } from '@shop/contract/admin';
import {
  checkout,
  createProduct,
  declinedCard,
  loggedInAdmin,
  signedUpShopper,
  startHarness,
  type Harness,
} from '../../../test/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('order_journey');
});
afterAll(async () => {
  await h.close();
});

async function shopperWithCart() {
  const product = await createProduct(h.prisma, { stock: 5 });
  const shopper = await signedUpShopper(h.prisma);
  await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
  return shopper;
}

const named = (journey: OrderJourney, name: string): JourneyEvent => {
  const event = journey.events.find((candidate) => candidate.name === name);
  if (!event) throw new Error(`no ${name} in the journey yet`);
  return event;
};
const delivery = (event: JourneyEvent, consumer: string) =>
  event.deliveries.find((candidate) => candidate.consumer === consumer);
const kinds = (event: JourneyEvent) =>
  event.steps.map((step) => (step.consumer ? `${step.kind} by ${step.consumer}` : step.kind));

/** Reads the journey until `settled` stops throwing (the last consumers finish after checkout answers). */
async function journeyOnce(
  read: () => Promise<OrderJourney>,
  settled: (journey: OrderJourney) => void,
): Promise<OrderJourney> {
  return vi.waitFor(
    async () => {
      const journey = await read();
      settled(journey);
      return journey;
    },
    { timeout: 20_000, interval: 200 },
  );
}

function expectOrderedGaps(journey: OrderJourney) {
  for (const event of journey.events)
    for (const [index, step] of event.steps.entries()) {
      if (index > 0) expect(step.at >= event.steps[index - 1]!.at, `${event.name}`).toBe(true);
      if (step.sinceMs !== null)
        expect(step.sinceMs, `${event.name} ${step.kind}`).toBeGreaterThanOrEqual(0);
    }
  for (const step of journey.saga.slice(1)) expect(step.sinceMs).toBeGreaterThanOrEqual(0);
}

describe('admin.orders.journey', () => {
  it('shows a paid checkout: placed → charged by payment, timed out later; captured → settled; paid → mail', async () => {
    const shopper = await shopperWithCart();
    const order = await shopper.caller.orders.place(checkout());
    expect(order.status).toBe('PAID');
    const admin = await loggedInAdmin(h.prisma);

    const journey = await journeyOnce(
      () => admin.caller.admin.orders.journey({ id: order.id }),
      (journey) => {
        expect(delivery(named(journey, 'ordering.OrderPlaced'), 'payment')?.state).toBe(
          'completed',
        );
        expect(delivery(named(journey, 'payment.PaymentCaptured'), 'ordering')?.state).toBe(
          'completed',
        );
        expect(named(journey, 'ordering.OrderPaid').publishedAt).not.toBeNull();
      },
    );

    expect(journey).toMatchObject({
      orderId: order.id,
      sagaState: 'PAID',
      atRest: true,
      queuesError: null,
    });
    expect(journey.events.map((event) => event.name)).toEqual([
      'ordering.OrderPlaced',
      'payment.PaymentCaptured',
      'ordering.OrderPaid',
    ]);
    const [placed, captured, paid] = journey.events as [JourneyEvent, JourneyEvent, JourneyEvent];

    expect(placed).toMatchObject({ producer: 'api', causationId: null });
    expect(kinds(placed)).toEqual([
      'recorded',
      'published',
      'taken by payment',
      'finished by payment',
    ]);
    expect(delivery(placed, 'payment')).toMatchObject({
      service: 'worker',
      state: 'completed',
      attemptsMade: 1,
      failedReason: null,
    });
    expect(delivery(placed, 'payment')?.outcome).toEqual(expect.any(String));
    const timeout = delivery(placed, 'checkout-timeouts');
    expect(timeout).toMatchObject({ service: 'api', state: 'delayed', processedOn: null });
    expect(Date.parse(timeout!.dueAt!) - Date.parse(placed.recordedAt!)).toBeGreaterThan(
      14 * 60_000,
    );

    expect(captured).toMatchObject({ producer: 'worker', causationId: placed.id });
    expect(kinds(captured)).toEqual([
      'recorded',
      'published',
      'taken by ordering',
      'finished by ordering',
    ]);
    expect(captured.steps[0]!.sinceMs, 'since payment took the order').not.toBeNull();
    expect(delivery(captured, 'ordering')).toMatchObject({
      service: 'api',
      state: 'completed',
      outcome: 'order paid',
    });
    expect(delivery(captured, 'ordering')?.handledAt).not.toBeNull();

    expect(paid).toMatchObject({ producer: 'api', causationId: captured.id });
    expect(kinds(paid).slice(0, 2)).toEqual(['recorded', 'published']);
    // The notifications consumer may not run yet: a waiting job is a delivery too.
    expect(['waiting', 'active', 'completed']).toContain(delivery(paid, 'notifications')?.state);

    expect(journey.saga.map((step) => [step.state, step.compensation])).toEqual([
      ['CHARGING', false],
      ['PAID', false],
    ]);
    expect(journey.saga[1]?.eventId).toBe(captured.id);
    expectOrderedGaps(journey);
  });

  it('marks the compensation of a declined card', async () => {
    const shopper = await shopperWithCart();
    await expect(
      shopper.caller.orders.place(checkout({ payment: declinedCard })),
    ).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED' });
    const { id } = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    const admin = await loggedInAdmin(h.prisma);

    const journey = await journeyOnce(
      () => admin.caller.admin.orders.journey({ id }),
      (journey) =>
        expect(delivery(named(journey, 'payment.PaymentDeclined'), 'ordering')?.state).toBe(
          'completed',
        ),
    );
    expect(journey).toMatchObject({ sagaState: 'DECLINED', atRest: true });
    expect(journey.saga.at(-1)).toMatchObject({ state: 'DECLINED', compensation: true });
    expect(journey.saga.at(-1)?.reason).toMatch(/declined/);
    expect(journey.events.map((event) => event.name)).toContain('payment.PaymentDeclined');
    expectOrderedGaps(journey);
  });

  it('is for admins only (like the order itself), and knows no order it does not have', async () => {
    const shopper = await shopperWithCart();
    const order = await shopper.caller.orders.place(checkout());
    await expect(shopper.caller.admin.orders.journey({ id: order.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(shopper.caller.admin.orders.get({ id: order.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const admin = await loggedInAdmin(h.prisma);
    expect(await admin.caller.admin.orders.get({ id: order.id })).toMatchObject({
      id: order.id,
      customer: { email: shopper.email },
    });
    const unknown = { id: '00000000-0000-4000-8000-000000000000' };
    await expect(admin.caller.admin.orders.journey(unknown)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(admin.caller.admin.orders.get(unknown)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
