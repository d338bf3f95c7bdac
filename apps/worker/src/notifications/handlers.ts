/**
 * The notifications consumer: which e-mail each event it receives calls for. It is the second
 * consumer of `ordering.OrderCancelled` (payment is the first): the relay gives each its own job,
 * so a slow mail server never delays a refund, nor a refund an e-mail.
 *
 * - `ordering.OrderPaid` → the order confirmation (lines, total, order id).
 * - `ordering.OrderCancelled` → a cancellation e-mail when the shopper cancelled or the
 *   reservation expired, saying whether money goes back; none when the payment failed — the
 *   shopper saw that error at checkout, and the inbox outcome says so.
 * - `payment.PaymentRefunded` → a refund confirmation, to whom the order's earlier e-mails went
 *   (the event carries no contact details).
 *
 * How each becomes at most one e-mail (at least once delivered): see `notify.ts`.
 */
import type { Delivery } from '@shop/event-bus/consumer';
import type { PayloadOf } from '@shop/events/define';
import type { Envelope } from '@shop/events/envelope';
import type { OrderCancelled, OrderPaid } from '@shop/events/ordering';
import type { PaymentRefunded } from '@shop/events/payment';
import { orderCancellation, orderConfirmation, refundConfirmation } from './messages';
import type { NotificationDeps } from './notification-deps';
import { recipientOf, type Recipient } from './notification-log';
import { notify, type Plan } from './notify';

type Paid = PayloadOf<typeof OrderPaid>;
type Cancelled = PayloadOf<typeof OrderCancelled>;
type Refunded = PayloadOf<typeof PaymentRefunded>;
export type NotificationEventName = (
  typeof OrderPaid | typeof OrderCancelled | typeof PaymentRefunded
)['name'];

export const paymentFailedOutcome =
  'no e-mail: cancelled because the payment failed; the shopper saw the error at checkout';

function confirmationPlan(paid: Paid): Plan {
  return {
    email: true,
    kind: 'order-confirmation',
    orderId: paid.orderId,
    recipient: () => Promise.resolve(contact(paid)),
    compose: () => orderConfirmation(paid),
  };
}

function cancellationPlan(cancelled: Cancelled): Plan {
  const { reason } = cancelled;
  if (reason === 'payment-failed') return { email: false, outcome: paymentFailedOutcome };
  return {
    email: true,
    kind: 'order-cancellation',
    orderId: cancelled.orderId,
    recipient: () => Promise.resolve(contact(cancelled)),
    compose: () => orderCancellation({ ...cancelled, reason }),
  };
}

function refundPlan(refunded: Refunded): Plan {
  return {
    email: true,
    kind: 'refund-confirmation',
    orderId: refunded.orderId,
    recipient: async (tx) => {
      const known = await recipientOf(tx, refunded.orderId);
      if (!known)
        throw new Error(
          `no address known for order ${refunded.orderId} yet: its OrderCancelled or OrderPaid has not reached notifications; the refund e-mail waits for it`,
        );
      return known;
    },
    compose: (recipientName) => refundConfirmation(refunded, recipientName),
  };
}

const contact = (p: { email: string; customerName: string }): Recipient => ({
  address: p.email,
  name: p.customerName,
});

/** Matches `Handler` of `@shop/event-bus/consumer`; the outcome is always a line. */
export type NotificationHandler = (envelope: Envelope, delivery: Delivery) => Promise<string>;

/** The handlers to start the `notifications` consumer with, keyed by event name. */
export function notificationHandlers(
  deps: NotificationDeps,
): Record<NotificationEventName, NotificationHandler> {
  return {
    'ordering.OrderPaid': (envelope) =>
      notify(deps, envelope, confirmationPlan(envelope.payload as Paid)),
    'ordering.OrderCancelled': (envelope) =>
      notify(deps, envelope, cancellationPlan(envelope.payload as Cancelled)),
    'payment.PaymentRefunded': (envelope) =>
      notify(deps, envelope, refundPlan(envelope.payload as Refunded)),
  };
}
