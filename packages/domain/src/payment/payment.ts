import { AggregateRoot } from '../shared/aggregate';
import type { Charge } from './charge';
import { paymentEvent, type PaymentEvent } from './payment-events';

/** What a repository stores of an order's payment and hands back to `Payment.rehydrate`. */
export interface PaymentState {
  readonly orderId: string;
  /** The processor's answer for this order, once it answered. */
  readonly charge: Charge | null;
  /** Whether the approved charge was given back. */
  readonly refunded: boolean;
}

/**
 * The payment of one order: the card processor's answer (one charge per order, approved or
 * declined — rule 5) and at most one refund, which gives an approved charge back in full (rule 6:
 * a declined charge took nothing to give back). Each fact is recorded once and told by an event;
 * recording the same fact again changes nothing, so a retried settle cannot charge or refund twice.
 * The order decides whether money must go back (`Order.settle`, `Order.cancel`); payment keeps
 * the ledger straight. Since stage 4 the payment service (apps/worker) owns the ledger of record
 * and its own model of it; in the API this aggregate is ordering's record of what payment's events
 * told it — the same rules keep that copy straight when an answer arrives twice or late.
 */
export class Payment extends AggregateRoot<PaymentEvent> {
  #state: PaymentState;

  private constructor(state: PaymentState) {
    super();
    this.#state = state;
  }

  /** The payment of an order the processor has not answered for yet. */
  static open(orderId: string): Payment {
    return new Payment({ orderId, charge: null, refunded: false });
  }

  static rehydrate(state: PaymentState): Payment {
    if (state.refunded && !state.charge?.approved) {
      throw new RangeError(
        `Payment of order ${state.orderId}: a refund without an approved charge`,
      );
    }
    return new Payment(state);
  }

  get orderId(): string {
    return this.#state.orderId;
  }
  get charge(): Charge | null {
    return this.#state.charge;
  }
  get refunded(): boolean {
    return this.#state.refunded;
  }

  snapshot(): PaymentState {
    return this.#state;
  }

  /**
   * Records the processor's answer. The same answer again (a settle retried after its commit's
   * reply was lost) changes nothing; a different one for the same order is refused.
   */
  recordCharge(charge: Charge, at: Date): void {
    const recorded = this.#state.charge;
    if (recorded) {
      if (recorded.equals(charge)) return;
      throw new RangeError(`Order ${this.orderId} has a charge already; a second one is refused`);
    }
    this.#state = { ...this.#state, charge };
    const data = { orderId: this.orderId, ...this.#facts(charge) };
    this.record(
      charge.approved
        ? paymentEvent.chargeApproved(data, at)
        : paymentEvent.chargeDeclined(data, at),
    );
  }

  /** Gives the approved charge back in full, once; only an approved charge can be refunded. */
  refund(at: Date): void {
    const charge = this.#state.charge;
    if (!charge?.approved) throw new RangeError('Only an approved charge can be refunded');
    if (this.#state.refunded) return;
    this.#state = { ...this.#state, refunded: true };
    this.record(paymentEvent.refundIssued({ orderId: this.orderId, ...this.#facts(charge) }, at));
  }

  #facts(charge: Charge) {
    const { amount, currency } = charge.amount;
    return { amount: { amount, currency }, cardLast4: charge.cardLast4 };
  }
}
