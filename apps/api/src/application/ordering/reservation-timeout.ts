/**
 * The saga's timer, as the `checkout-timeouts` consumer: the relay hands it each
 * `ordering.OrderPlaced` delayed until the reservation ends (BullMQ keeps the timer, so it
 * survives any API process). An order still awaiting payment then is cancelled and its stock goes
 * back; payment, told by `ordering.OrderCancelled`, refunds an approval that arrives later or never
 * charges at all. The periodic sweep (expire-reservations.ts) stays as a safety net.
 */
import type { Envelope } from '@shop/events/envelope';
import type { OrderingDeps } from './deps';
import type { EventHandler } from './payment-answers';
import { releaseOrderStock } from './steps/release-order-stock';

export const timeoutConsumer = 'checkout-timeouts';

export function reservationTimeoutHandlers(
  ordering: OrderingDeps,
  reservationMs: number,
): Record<string, EventHandler> {
  return {
    'ordering.OrderPlaced': async (envelope: Envelope) => {
      const { orderId } = envelope.payload as { orderId: string };
      const outcome = await ordering.unitOfWork(async (tx) => {
        if (!(await ordering.inbox.claim(tx, timeoutConsumer, envelope))) return 'already handled';
        const order = await ordering.orders.findByIdForUpdate(tx, orderId);
        let outcome: string;
        if (!order) outcome = `no order ${orderId} here`;
        else if (order.status !== 'PENDING_PAYMENT')
          outcome = `nothing to do: the order is ${order.status.toLowerCase()}`;
        else {
          const at = ordering.clock.now();
          order.expire(at);
          await releaseOrderStock(ordering, tx, order, at);
          await ordering.orders.save(tx, order);
          await ordering.sagas.record(
            tx,
            orderId,
            'cancelled',
            `The reservation ended (${Math.round(reservationMs / 60_000)} min) before payment answered; the order was cancelled and its stock released.`,
            envelope.id,
          );
          outcome = 'reservation ended: order cancelled, stock released';
        }
        await ordering.inbox.recordOutcome(tx, timeoutConsumer, envelope.id, outcome);
        return outcome;
      });
      if (outcome.startsWith('reservation ended'))
        ordering.log.info(
          { event: 'order.expired', orderId, reservationMs },
          `order ${orderId} expired unpaid: cancelled, stock returned`,
        );
      return outcome;
    },
  };
}
