import { AggregateRoot } from './aggregate';
import type { Charge } from './charge';
import type { Money } from './money';
import { paymentEvent, type PaymentEvent } from './payment-events';
import type { Refund } from './refund';

/**
 * Where an order's payment stands. `unseen`: nothing is known of the order yet (no row);
 * `awaiting-order`: its cancellation came first — the tombstone that turns the late OrderPlaced
 * into a skip; then `captured`, `declined`, `skipped`, `failed` (the processor refused the request
 * itself or stayed unreachable: nothing charged) and finally `refunded` (only from captured).
 */
export type PaymentStatus =
  'unseen' | 'awaiting-order' | 'captured' | 'declined' | 'skipped' | 'failed' | 'refunded';

/** What the payment learns from ordering.OrderPlaced. */
export interface PlacedOrder {
  paymentMethodId: string;
  amount: Money;
}

/** What the payment learns from ordering.OrderCancelled. */
export interface Cancellation {
  reason: string;
  at: Date;
}

export interface PaymentState {
  readonly id: string;
  readonly orderId: string;
  readonly status: PaymentStatus;
  readonly order: PlacedOrder | null;
  readonly charge: Charge | null;
  readonly refund: Refund | null;
  readonly cancellation: Cancellation | null;
  /** Why no charge could be made, when it failed. */
  readonly failure: string | null;
}

/** What to do about an OrderPlaced: charge the card, skip it (cancelled first), or nothing more. */
export type OrderPlacedStep = 'charge' | 'skip' | 'none';
/** What to do about an OrderCancelled: refund the capture, leave a tombstone, or nothing. */
export type CancellationStep = 'refund' | 'tombstone' | 'none';

/**
 * The payment of one order, in the worker. Events may arrive in any order and more than once, so
 * every rule is about what has already happened:
 * - one charge per order: only an unseen order is charged; the processor's answer is recorded once
 *   (the same answer again changes nothing, a different one is refused);
 * - a cancellation before the order was seen leaves a tombstone, and the order is then skipped —
 *   its card is never charged;
 * - at most one refund, and only of an approved charge, which it gives back in full.
 * The clock and the ids come in as arguments; the aggregate does no I/O.
 */
export class Payment extends AggregateRoot<PaymentEvent> {
  #state: PaymentState;

  private constructor(state: PaymentState) {
    super();
    this.#state = state;
  }

  /** An order nothing is known of yet; `id` becomes its payment id if it is ever saved. */
  static unseen(id: string, orderId: string): Payment {
    return new Payment({
      id,
      orderId,
      status: 'unseen',
      order: null,
      charge: null,
      refund: null,
      cancellation: null,
      failure: null,
    });
  }

  static rehydrate(state: PaymentState): Payment {
    const problem = inconsistency(state);
    if (problem) throw new RangeError(`Payment of order ${state.orderId}: ${problem}`);
    return new Payment(state);
  }

  get id(): string {
    return this.#state.id;
  }
  get orderId(): string {
    return this.#state.orderId;
  }
  get status(): PaymentStatus {
    return this.#state.status;
  }
  get charge(): Charge | null {
    return this.#state.charge;
  }
  get refund(): Refund | null {
    return this.#state.refund;
  }
  get cancellation(): Cancellation | null {
    return this.#state.cancellation;
  }
  get failure(): string | null {
    return this.#state.failure;
  }

  snapshot(): PaymentState {
    return this.#state;
  }

  nextStepForOrder(): OrderPlacedStep {
    if (this.status === 'unseen') return 'charge';
    if (this.status === 'awaiting-order') return 'skip';
    return 'none';
  }

  nextStepForCancellation(): CancellationStep {
    if (this.status === 'unseen') return 'tombstone';
    if (this.status === 'captured') return 'refund';
    return 'none';
  }

  /**
   * Records the processor's answer for the order. The same answer again (a retry after a lost
   * commit) changes nothing; any other second answer is refused: one charge per order.
   */
  recordCharge(order: PlacedOrder, charge: Charge, at: Date): void {
    const recorded = this.#state.charge;
    if (recorded?.equals(charge)) return;
    if (this.status !== 'unseen')
      throw new RangeError(`Order ${this.orderId} is ${this.status}; a charge is refused`);
    if (!charge.amount.equals(order.amount))
      throw new RangeError(
        `Order ${this.orderId} costs ${order.amount.toString()}, the charge was for ${charge.amount.toString()}`,
      );
    const status = charge.approved ? 'captured' : 'declined';
    this.#state = { ...this.#state, status, order, charge };
    const ids = { orderId: this.orderId, paymentId: this.id };
    const { amount, currency } = charge.amount;
    this.record(
      charge.approved
        ? paymentEvent.captured(
            { ...ids, chargeId: charge.id, amount, currency, cardLast4: charge.cardLast4 },
            at,
          )
        : paymentEvent.declined(
            { ...ids, cardLast4: charge.cardLast4, reason: charge.declineReason ?? 'declined' },
            at,
          ),
    );
  }

  /**
   * No charge could be made: the processor refused the request itself (an unknown payment method,
   * a bad key) or could not be reached until the last attempt. Nothing was charged and, for this
   * order, nothing will be; ordering is told so. Recording it again changes nothing.
   */
  recordFailure(order: PlacedOrder, reason: string, at: Date): void {
    if (this.status === 'failed') return;
    if (this.status !== 'unseen')
      throw new RangeError(
        `Order ${this.orderId} is ${this.status}; it cannot fail to be charged now`,
      );
    if (!reason) throw new RangeError('A failed charge says why');
    this.#state = { ...this.#state, status: 'failed', order, failure: reason };
    this.record(paymentEvent.failed({ orderId: this.orderId, paymentId: this.id, reason }, at));
  }

  /**
   * Notes the order's cancellation (the first one counts). Before the order was seen this is the
   * tombstone; afterwards it only explains a refund, or why there is none.
   */
  recordCancellation(cancellation: Cancellation): void {
    if (this.#state.cancellation) return;
    const status = this.status === 'unseen' ? 'awaiting-order' : this.status;
    this.#state = { ...this.#state, status, cancellation };
  }

  /** The order arrived after its cancellation: it is never charged, and ordering is told so. */
  skip(order: PlacedOrder, at: Date): void {
    if (this.status === 'skipped') return;
    if (this.status !== 'awaiting-order')
      throw new RangeError(
        `Order ${this.orderId} is ${this.status}; only a cancelled one is skipped`,
      );
    this.#state = { ...this.#state, status: 'skipped', order };
    this.record(
      paymentEvent.skipped(
        { orderId: this.orderId, paymentId: this.id, reason: 'order-cancelled-before-charge' },
        at,
      ),
    );
  }

  /** Gives the approved charge back in full, once; the same refund again changes nothing. */
  recordRefund(refund: Refund, reason: string, at: Date): void {
    if (this.#state.refund?.equals(refund)) return;
    const charge = this.#state.charge;
    if (this.status !== 'captured' || !charge)
      throw new RangeError(
        `Order ${this.orderId} is ${this.status}; only a captured charge can be refunded, once`,
      );
    if (!refund.amount.equals(charge.amount))
      throw new RangeError(
        `A refund gives the whole charge back (${charge.amount.toString()}), not ${refund.amount.toString()}`,
      );
    this.#state = { ...this.#state, status: 'refunded', refund };
    const { amount, currency } = refund.amount;
    this.record(
      paymentEvent.refunded(
        {
          orderId: this.orderId,
          paymentId: this.id,
          refundId: refund.id,
          amount,
          currency,
          reason,
        },
        at,
      ),
    );
  }
}

/** Why a stored state cannot be a payment, or undefined when it can. */
function inconsistency(state: PaymentState): string | undefined {
  const { status, charge, refund, cancellation, order, failure } = state;
  if (status === 'unseen') return 'an unseen payment is never stored';
  if ((status === 'awaiting-order' || status === 'skipped') && !cancellation)
    return `${status} without a cancellation`;
  if ((status === 'awaiting-order' || status === 'skipped' || status === 'failed') && charge)
    return `${status} with a charge`;
  if ((status === 'failed') !== (failure !== null))
    return `${status} with${failure ? '' : 'out'} a failure`;
  if (status !== 'awaiting-order' && !order) return `${status} without the order's amount`;
  if (status === 'captured' && !charge?.approved) return 'captured without an approved charge';
  if (status === 'declined' && (!charge || charge.approved))
    return 'declined without a declined charge';
  if (status === 'refunded' && !charge?.approved) return 'a refund without an approved charge';
  if ((status === 'refunded') !== (refund !== null))
    return `${status} with${refund ? '' : 'out'} a refund`;
  return undefined;
}
