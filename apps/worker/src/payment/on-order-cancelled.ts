/**
 * ordering.OrderCancelled → give the money back if any was taken. In one transaction: claim the
 * event in the inbox, lock the order's payment, note the cancellation, then — if the charge was
 * captured — refund it in full (ledger entry, `payment.PaymentRefunded` in the outbox); if the
 * order was never seen — leave the tombstone, so its late OrderPlaced is skipped, not charged;
 * otherwise (declined, skipped, failed, refunded) nothing, and the inbox says why.
 *
 * A capture is refunded even when the order says no refund is due: that is an approval that
 * arrived after the order expired or was cancelled, and the money must go back. The refund's
 * idempotency key (`refund:<orderId>`) makes a retry after a crash return the first refund.
 */
import type { Envelope } from '@shop/events/envelope';
import type { OrderCancelled } from '@shop/events/ordering';
import type { PayloadOf } from '@shop/events/define';
import { inTransaction } from '../db/pool';
import { claimEvent, recordOutcome } from '../events/inbox';
import { Money } from './domain/money';
import type { Payment } from './domain/payment';
import { Refund } from './domain/refund';
import { paymentConsumer, type PaymentDeps } from './payment-deps';
import { lockPayment, savePayment } from './payment-repository';

const nothingToRefund: Record<string, string> = {
  'awaiting-order': 'nothing to refund: the order was cancelled already and never charged',
  skipped: 'nothing to refund: the order was never charged',
  declined: 'nothing to refund: the charge was declined',
  failed: 'nothing to refund: the charge failed',
  refunded: 'nothing to refund: refunded already',
};

export async function onOrderCancelled(
  deps: PaymentDeps,
  envelope: Envelope<PayloadOf<typeof OrderCancelled>>,
): Promise<string> {
  const { orderId, reason, refundDue, cancelledAt } = envelope.payload;
  const now = deps.clock ?? (() => new Date());
  return inTransaction(deps.db, async (tx) => {
    if (!(await claimEvent(tx, paymentConsumer, envelope))) return 'duplicate: handled already';
    const payment = await lockPayment(tx, orderId);
    const step = payment.nextStepForCancellation();
    payment.recordCancellation({ reason, at: new Date(cancelledAt) });
    let outcome: string;
    switch (step) {
      case 'tombstone':
        outcome = 'tombstone: cancelled before the order was seen; it will not be charged';
        break;
      case 'refund':
        outcome = await refund(deps, payment, `order cancelled (${reason})`, now);
        if (!refundDue) outcome += ' — captured after the order was cancelled';
        break;
      case 'none':
        outcome = nothingToRefund[payment.status] ?? `nothing to do: ${payment.status}`;
    }
    await savePayment(tx, payment, envelope);
    await recordOutcome(tx, paymentConsumer, envelope, outcome);
    return outcome;
  });
}

async function refund(
  deps: PaymentDeps,
  payment: Payment,
  reason: string,
  now: () => Date,
): Promise<string> {
  const charge = payment.charge;
  if (!charge) throw new Error(`Order ${payment.orderId} is captured without a charge`);
  const answer = await deps.processor.refund({ orderId: payment.orderId, chargeId: charge.id });
  const money = Money.of(answer.amount, charge.amount.currency);
  payment.recordRefund(Refund.of(answer.id, money), reason, now());
  return `refunded: ${answer.id} gives back ${charge.id}`;
}
