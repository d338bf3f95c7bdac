/**
 * What the shop says to the shopper, one function per e-mail: the order confirmation, the
 * cancellation and the refund confirmation. Pure functions of the event's facts (and the name
 * to greet), so a message sent again after a failure reads exactly like the first attempt.
 * Money is formatted as the shop shows it (`formatMoney`); no card data exists in the events.
 */
import { formatMoney } from '@shop/contract/money';
import type { PayloadOf } from '@shop/events/define';
import type { OrderCancelled, OrderPaid } from '@shop/events/ordering';
import type { PaymentRefunded } from '@shop/events/payment';
import { renderMessage, type RenderedMessage } from './message-layout';

type Paid = PayloadOf<typeof OrderPaid>;
type Cancelled = PayloadOf<typeof OrderCancelled>;
type Refunded = PayloadOf<typeof PaymentRefunded>;

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const when = (instant: string) => `${dateTime.format(new Date(instant))} UTC`;

export function orderConfirmation(paid: Paid): RenderedMessage {
  const money = (amount: number) => formatMoney({ amount, currency: paid.currency });
  const total = money(paid.amount);
  return renderMessage({
    subject: `Your order ${paid.orderId} is confirmed`,
    recipientName: paid.customerName,
    paragraphs: [`Thank you for your order. We received your payment of ${total}.`],
    facts: [
      ['Order', paid.orderId],
      ['Paid', when(paid.paidAt)],
    ],
    table: {
      rows: paid.lines.map((line) => [
        `${line.quantity} × ${line.name} (${money(line.unitPrice)} each)`,
        money(line.quantity * line.unitPrice),
      ]),
      total: ['Total', total],
    },
  });
}

const cancelledBecause: Record<MailedCancelReason, string> = {
  customer: 'As you asked, we cancelled your order.',
  expired:
    'Your order was cancelled because it was not paid within the time we held its items for you; they are back on sale.',
};

/** The cancellations the shopper hears about by e-mail (see `onOrderCancelled` for the other). */
export type MailedCancelReason = Exclude<Cancelled['reason'], 'payment-failed'>;

export function orderCancellation(
  cancelled: Cancelled & { reason: MailedCancelReason },
): RenderedMessage {
  return renderMessage({
    subject: `Your order ${cancelled.orderId} was cancelled`,
    recipientName: cancelled.customerName,
    paragraphs: [
      cancelledBecause[cancelled.reason],
      cancelled.refundDue
        ? 'You had paid for this order, so the payment goes back to your card in full. We will e-mail you again when the refund is done.'
        : 'The order had not been paid, so no refund is due. Should a payment for it still go through, we give it back in full and e-mail you.',
    ],
    facts: [
      ['Order', cancelled.orderId],
      ['Cancelled', when(cancelled.cancelledAt)],
    ],
  });
}

export function refundConfirmation(refunded: Refunded, recipientName: string): RenderedMessage {
  const amount = formatMoney({ amount: refunded.amount, currency: refunded.currency });
  return renderMessage({
    subject: `Refund of ${amount} for order ${refunded.orderId}`,
    recipientName,
    paragraphs: [
      `We have refunded ${amount} for order ${refunded.orderId} to the card you paid with. It can take a few days to appear on your statement.`,
    ],
    facts: [
      ['Order', refunded.orderId],
      ['Refund reference', refunded.refundId],
      ['Refunded', when(refunded.refundedAt)],
    ],
  });
}
