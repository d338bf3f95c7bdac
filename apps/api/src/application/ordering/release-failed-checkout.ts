import type { OrderStatus } from '../../domain/ordering/order-status';
import { now } from '../../infrastructure/clock';
import { changeStatus, lockOrder } from '../../infrastructure/db/order.repository';
import { hasCharge, recordCharge, recordRefund } from '../../infrastructure/db/payment.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';
import type { Logger } from '../../infrastructure/log';
import type { ChargeResult } from '../../infrastructure/payment/card-gateway';
import { returnOrderStock } from './return-order-stock';

/**
 * Settling failed: cancel the order and return its stock (reason PAYMENT_FAILED), and record the
 * processor's answer with a refund if it took money. Never throws; if the database refuses even
 * this, the failure is logged and the reservation's time limit releases the order later.
 * Answers the status the order had, so a settle that did commit is recognised.
 */
export async function releaseFailedCheckout(
  { db, log }: { db: Db; log: Logger },
  orderId: string,
  charge: ChargeResult | null,
  cause: unknown,
): Promise<OrderStatus | null> {
  const stage = charge ? 'settle' : 'charge';
  try {
    const before = await inTransaction(db, async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (!order) return null;
      if (order.status === 'PENDING_PAYMENT') {
        await returnOrderStock(tx, orderId);
        await changeStatus(tx, orderId, {
          status: 'CANCELLED',
          reason: 'PAYMENT_FAILED',
          at: now(),
        });
      }
      const cancelled = order.status === 'PENDING_PAYMENT' || order.status === 'CANCELLED';
      if (charge && cancelled && !(await hasCharge(tx, orderId))) {
        await recordCharge(tx, orderId, order, charge);
        if (charge.outcome === 'APPROVED') await recordRefund(tx, orderId, order);
      }
      return order.status;
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
