import type { OrderStatus } from '@shop/domain/ordering/order-status';
import { Charge } from '@shop/domain/payment/charge';
import type { ChargeResult } from '../checkout-settings';
import type { OrderingDeps } from '../deps';
import { releaseOrderStock } from './release-order-stock';

/**
 * Settling failed: cancel the order and return its stock (reason PAYMENT_FAILED), and record the
 * processor's answer with a refund if it took money. Never throws; if the database refuses even
 * this, the failure is logged and the reservation's time limit releases the order later.
 * Answers the status the order had, so a settle that did commit is recognised.
 */
export async function releaseFailedCheckout(
  { ordering }: { ordering: OrderingDeps },
  orderId: string,
  charge: ChargeResult | null,
  cause: unknown,
): Promise<OrderStatus | null> {
  const { log } = ordering;
  const stage = charge ? 'settle' : 'charge';
  try {
    const before = await ordering.unitOfWork(async (tx) => {
      const order = await ordering.orders.findByIdForUpdate(tx, orderId);
      if (!order) return null;
      const before = order.status;
      const at = ordering.clock.now();
      const { releaseStock } = order.abandonCheckout(at);
      if (releaseStock) await releaseOrderStock(ordering, tx, order, at);
      if (charge) {
        // The processor answered: its answer is recorded, and money the order will not keep goes back.
        const payment = await ordering.payments.findByOrder(tx, orderId);
        const answer = Charge.of(charge.outcome, order.total, charge.cardLast4);
        payment.recordCharge(answer, at);
        if (order.settle(answer, at).refundDue) payment.refund(at);
        await ordering.payments.save(tx, payment);
      }
      await ordering.orders.save(tx, order);
      return before;
    });
    if (before === 'PAID') {
      log.warn(
        { event: 'order.settle_recovered', orderId, err: cause },
        `order ${orderId}: settling reported a failure but had committed; the order is paid`,
      );
    } else {
      log.error(
        { event: 'order.settle_failed', orderId, stage, released: true, err: cause },
        `order ${orderId}: ${stage} failed; the order was cancelled and its stock returned`,
      );
    }
    return before;
  } catch (error) {
    log.error(
      {
        event: 'order.settle_failed',
        orderId,
        stage,
        released: false,
        chargeOutcome: charge?.outcome ?? null,
        cardLast4: charge?.cardLast4 ?? null,
        err: cause,
        releaseErr: error,
      },
      `order ${orderId}: ${stage} failed and could not be released; its reservation expires on its own`,
    );
    return null;
  }
}
