/**
 * How a checkout ends for the shopper when it does not end in a paid order, whether they hear it
 * from the attempt itself or from a repeat of its idempotency key.
 */
import {
  CardDeclined,
  CheckoutConflict,
  CheckoutStillProcessing,
  type DomainError,
} from '../shared/errors';
import type { SagaState } from './checkout-saga';
import type { OrderStatus, StatusChangeReason } from './order-status';

export type PaymentOutcome = 'APPROVED' | 'DECLINED';

/** One entry of the payment ledger, as far as an order's checkout outcome needs it. */
export interface PaymentRecord {
  readonly kind: 'CHARGE' | 'REFUND';
  readonly outcome: PaymentOutcome;
}

/** What settling the card processor's answer did to the order. */
export type Settled = 'paid' | 'declined' | 'cancelled';

/**
 * The order's decision about the processor's answer, and what follows from it in the same
 * transaction: the use case carries these out and decides nothing itself.
 */
export interface Settlement {
  readonly settled: Settled;
  /** An approved charge for an order that will not be paid: the money goes back in full. */
  readonly refundDue: boolean;
  /** The order has just been paid: what was bought leaves the shopper's cart. */
  readonly checkOutCart: boolean;
  /** The order has just been declined: its units go back on the shelf. */
  readonly releaseStock: boolean;
}

const cancelledAndRefunded = () =>
  new CheckoutConflict(
    'This order was cancelled while your payment was being processed. The charge has been refunded in full.',
  );
const reservationExpired = () =>
  new CheckoutConflict(
    'This checkout expired before the payment went through. Nothing was charged — please place your order again.',
  );
const cancelledBeforePayment = () =>
  new CheckoutConflict(
    'This order was cancelled before your payment went through. Nothing was charged.',
  );

/** The refusal for an attempt that did not end paid; null when it did. */
export function settledRefusal(settled: Settled, charge: PaymentOutcome): DomainError | null {
  if (settled === 'cancelled') {
    return charge === 'APPROVED' ? cancelledAndRefunded() : cancelledBeforePayment();
  }
  return settled === 'declined' ? new CardDeclined() : null;
}

/** The parts of an order that tell how its checkout ended. */
export interface CheckoutRecord {
  status: OrderStatus;
  payments: readonly PaymentRecord[];
  history: readonly { status: OrderStatus; reason: StatusChangeReason | null }[];
}

/**
 * A repeated key answers as the first attempt ended: the same refusal, "still processing" while it
 * is pending, or null for an order that was paid (whatever happened to it since).
 */
export function replayRefusal(order: CheckoutRecord): DomainError | null {
  const declined = order.payments.some((p) => p.kind === 'CHARGE' && p.outcome === 'DECLINED');
  if (declined) return new CardDeclined();
  if (order.status === 'PENDING_PAYMENT') return new CheckoutStillProcessing();
  const everPaid = order.history.some((change) => change.status === 'PAID');
  if (order.status !== 'CANCELLED' || everPaid) return null;
  if (order.payments.some((p) => p.kind === 'REFUND')) return cancelledAndRefunded();
  const expired = order.history.some((change) => change.reason === 'EXPIRED');
  return expired ? reservationExpired() : cancelledBeforePayment();
}

/**
 * How checkout answers once its saga stopped (stage 4): null for the order itself (paid, or still
 * on its way when the wait ran out), 'failed' when payment could not be made or settled (the
 * shopper sees an error and may try again), else the refusal the shopper reads.
 */
export function sagaRefusal(
  saga: SagaState | null,
  order: CheckoutRecord,
): DomainError | 'failed' | null {
  const settleFailed = order.history.some((change) => change.reason === 'PAYMENT_FAILED');
  switch (saga) {
    case 'DECLINED':
      return new CardDeclined();
    case 'FAILED':
      return 'failed';
    case 'REFUNDED':
    case 'CANCELLED':
      if (settleFailed) return 'failed';
      if (order.history.some((change) => change.status === 'PAID')) return null;
      if (order.payments.some((p) => p.kind === 'REFUND')) return cancelledAndRefunded();
      return order.history.some((change) => change.reason === 'EXPIRED')
        ? reservationExpired()
        : cancelledBeforePayment();
    default:
      return null;
  }
}
