import { AggregateRoot } from '../shared/aggregate';
import {
  CardDeclined,
  CheckoutConflict,
  InvalidRequest,
  MixedCurrencies,
  OrderNotFound,
  TransitionNotAllowed,
} from '../shared/errors';
import { Money } from '../shared/money';
import { replayRefusal, type PaymentRecord, type Settlement } from './checkout-outcome';
import { RequestFingerprint } from './fingerprint';
import type { IdempotencyKey } from './idempotency-key';
import { orderEvent, type OrderEvent } from './order-events';
import {
  allowedActions,
  assertTransition,
  type OrderStatus,
  type StatusChangeReason,
} from './order-status';
import type { ShippingAddress } from './shipping-address';
import { type ShippingAddressFields } from './shipping-address';

/** A line as the catalog priced it when the order was placed (rule 4: frozen from then on). */
export interface PricedOrderLine {
  productId: string;
  name: string;
  unitPrice: Money;
  quantity: number;
}

/** One line of a placed order, in the storable shape (money in minor units of the order's currency). */
export interface OrderLineState {
  readonly productId: string;
  readonly name: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly lineTotal: number;
}

export interface StatusChange {
  readonly status: OrderStatus;
  readonly reason: StatusChangeReason | null;
  readonly at: Date;
}

/** The processor's approved answer, as ordering needs it (payment's `Charge` fits). */
export interface ChargeReceipt {
  readonly outcome: 'APPROVED' | 'DECLINED';
  readonly amount: Money;
  readonly cardLast4: string;
}

/** Everything a repository stores of an order and hands back to `Order.rehydrate`. */
export interface OrderState {
  readonly id: string;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly requestHash: string;
  readonly shippingAddress: ShippingAddressFields;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly totalAmount: number;
  readonly lines: readonly OrderLineState[];
  readonly history: readonly StatusChange[];
  /** The payment ledger's entries for this order, as far as the checkout's outcome needs them. */
  readonly payments: readonly PaymentRecord[];
  readonly placedAt: Date;
  /** The card processor's id of the card the order is to be paid with (stage 4), if any. */
  readonly paymentMethodId: string | null;
}

export interface PlaceOrder {
  id: string;
  userId: string;
  idempotencyKey: IdempotencyKey;
  requestHash: RequestFingerprint;
  shippingAddress: ShippingAddress;
  lines: readonly PricedOrderLine[];
  placedAt: Date;
  paymentMethodId?: string | null;
}

const freezeLines = (lines: readonly OrderLineState[]) =>
  Object.freeze(lines.map((line) => Object.freeze({ ...line })));

/**
 * An order: what a shopper bought, at which prices, sent where, and where it is in its life cycle.
 * Every change goes through an intention-named method that checks the life cycle and records an
 * event; the repository stores `snapshot()` and rebuilds with `rehydrate`.
 */
export class Order extends AggregateRoot<OrderEvent> {
  #state: OrderState;

  private constructor(state: OrderState) {
    super();
    this.#state = state;
  }

  /** Places a new order awaiting payment, from lines the server priced (rule 2). */
  static place(input: PlaceOrder): Order {
    if (input.lines.length === 0) throw new InvalidRequest('Your cart is empty');
    const currency = input.lines[0]!.unitPrice.currency;
    if (input.lines.some((line) => line.unitPrice.currency !== currency)) {
      throw new MixedCurrencies();
    }
    for (const line of input.lines) {
      if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
        throw new InvalidRequest('Each line orders at least one unit');
      }
    }
    const lines = input.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPrice: line.unitPrice.amount,
      quantity: line.quantity,
      lineTotal: line.unitPrice.times(line.quantity).amount,
    }));
    // Each line total is at most the order total, so one check covers every money column.
    const total = lines
      .reduce((sum, line) => sum.add(Money.of(line.lineTotal, currency)), Money.zero(currency))
      .assertStorable();
    const order = new Order({
      id: input.id,
      userId: input.userId,
      idempotencyKey: input.idempotencyKey.value,
      requestHash: input.requestHash.value,
      shippingAddress: input.shippingAddress.toJSON(),
      status: 'PENDING_PAYMENT',
      currency,
      totalAmount: total.amount,
      lines: freezeLines(lines),
      history: [{ status: 'PENDING_PAYMENT', reason: null, at: input.placedAt }],
      payments: [],
      placedAt: input.placedAt,
      paymentMethodId: input.paymentMethodId ?? null,
    });
    order.record(
      orderEvent.placed(
        {
          orderId: order.id,
          userId: order.userId,
          total: { amount: total.amount, currency },
          lines: lines.map(({ productId, quantity, unitPrice }) => ({
            productId,
            quantity,
            unitPrice,
          })),
          paymentMethodId: input.paymentMethodId ?? null,
        },
        input.placedAt,
      ),
    );
    return order;
  }

  static rehydrate(state: OrderState): Order {
    return new Order({ ...state, lines: freezeLines(state.lines) });
  }

  get id(): string {
    return this.#state.id;
  }
  get userId(): string {
    return this.#state.userId;
  }
  get status(): OrderStatus {
    return this.#state.status;
  }
  get total(): Money {
    return Money.of(this.#state.totalAmount, this.#state.currency);
  }
  get lines(): readonly OrderLineState[] {
    return this.#state.lines;
  }
  get history(): readonly StatusChange[] {
    return this.#state.history;
  }
  get placedAt(): Date {
    return this.#state.placedAt;
  }
  get paymentMethodId(): string | null {
    return this.#state.paymentMethodId;
  }
  /** What the shopper and the back office may do now, from the status table alone. */
  get allowedActions() {
    return allowedActions(this.#state.status);
  }

  snapshot(): OrderState {
    return this.#state;
  }

  /** Rule 7 — another shopper's order does not exist for you. */
  assertVisibleTo(userId: string): void {
    if (this.#state.userId !== userId) throw new OrderNotFound();
  }

  /** Rule 5 — a key is bound to one cart and address: a repeat with others is another checkout. */
  assertSameRequest(fingerprint: RequestFingerprint): void {
    if (!RequestFingerprint.fromStored(this.#state.requestHash).equals(fingerprint)) {
      throw new CheckoutConflict(
        'This checkout was already submitted with a different cart or address',
      );
    }
  }

  /** Rule 5 — a repeated key answers as the first attempt ended (null: it ended paid). */
  replayRefusal() {
    return replayRefusal(this.#state);
  }

  /**
   * Rules 5 and 6 — what the processor's answer does to this order. Awaiting payment, it is paid
   * or declined. Cancelled meanwhile (by the shopper, or expired), it stays cancelled and an
   * approved charge is due back. Settled already (a retried settle whose first commit held), the
   * answer changes nothing and the decision is told again.
   */
  settle(charge: ChargeReceipt, at: Date): Settlement {
    const approved = charge.outcome === 'APPROVED';
    const decision = (settled: Settlement['settled'], refundDue = false): Settlement => ({
      settled,
      refundDue,
      checkOutCart: false,
      releaseStock: false,
    });
    switch (this.status) {
      case 'PENDING_PAYMENT':
        if (approved) {
          this.markPaid(charge, at);
          return { ...decision('paid'), checkOutCart: true };
        }
        this.declinePayment(at);
        return { ...decision('declined'), releaseStock: true };
      case 'CANCELLED':
        if (!approved && this.#wasDeclined()) return decision('declined');
        return decision('cancelled', approved);
      default:
        // Paid, shipped or delivered: only an approved charge, settled before, gets here.
        if (approved) return decision('paid');
        throw new TransitionNotAllowed(`A ${this.status} order cannot have its payment declined`);
    }
  }

  /**
   * Settling failed for good: an order still awaiting payment is released (its stock goes back);
   * one that a committed settle or a cancel moved on meanwhile stays as it is.
   */
  abandonCheckout(at: Date): { releaseStock: boolean } {
    if (this.status !== 'PENDING_PAYMENT') return { releaseStock: false };
    this.releaseAfterFailedPayment(at);
    return { releaseStock: true };
  }

  #wasDeclined(): boolean {
    return this.#state.payments.some((p) => p.kind === 'CHARGE' && p.outcome === 'DECLINED');
  }

  markPaid(charge: ChargeReceipt, at: Date): void {
    if (charge.outcome !== 'APPROVED') throw new CardDeclined();
    if (!charge.amount.equals(this.total)) {
      throw new CheckoutConflict('The charge does not match the order total');
    }
    this.#move('PAID', null, at, { kind: 'CHARGE', outcome: 'APPROVED' });
    this.record(
      orderEvent.paid(
        {
          orderId: this.id,
          userId: this.userId,
          amount: { amount: charge.amount.amount, currency: charge.amount.currency },
          cardLast4: charge.cardLast4,
        },
        at,
      ),
    );
  }

  /**
   * Rule 8 — the shopper cancels, only before shipping (from awaiting payment or paid). Answers
   * whether money was taken and so must be refunded.
   */
  cancel(reason: StatusChangeReason | null, at: Date): { refundDue: boolean } {
    return this.#cancel(reason, at);
  }

  /** Rule 6 — the card was declined: no paid order, and its stock goes back (the event says so). */
  declinePayment(at: Date): void {
    if (this.status !== 'PENDING_PAYMENT') {
      throw new TransitionNotAllowed(
        'Only an order awaiting payment can have its payment declined',
      );
    }
    this.#cancel(null, at, { kind: 'CHARGE', outcome: 'DECLINED' });
  }

  #cancel(
    reason: StatusChangeReason | null,
    at: Date,
    payment?: PaymentRecord,
  ): { refundDue: boolean } {
    const from = this.status;
    this.#move('CANCELLED', reason, at, payment);
    const refundDue = from === 'PAID';
    this.record(
      orderEvent.cancelled(
        {
          orderId: this.id,
          userId: this.userId,
          from,
          reason,
          declined: payment?.outcome === 'DECLINED',
          refundDue,
          lines: this.#quantities(),
        },
        at,
      ),
    );
    return { refundDue };
  }

  /** Rule 6 — a declined (or unsettled) payment leaves no paid order; its stock goes back. */
  releaseAfterFailedPayment(at: Date): void {
    if (this.status !== 'PENDING_PAYMENT') {
      throw new TransitionNotAllowed('Only an order awaiting payment can be released');
    }
    this.cancel('PAYMENT_FAILED', at);
  }

  /** A reservation has a time limit: an order still awaiting payment gives its stock back. */
  expire(at: Date): void {
    if (this.status !== 'PENDING_PAYMENT') {
      throw new TransitionNotAllowed('Only an order awaiting payment can expire');
    }
    this.#move('CANCELLED', 'EXPIRED', at);
    this.record(
      orderEvent.reservationExpired(
        { orderId: this.id, userId: this.userId, lines: this.#quantities() },
        at,
      ),
    );
  }

  /** Rule 8 — only the back office moves an order into shipping. */
  ship(at: Date): void {
    this.#move('SHIPPED', null, at);
    this.record(orderEvent.shipped({ orderId: this.id, userId: this.userId }, at));
  }

  deliver(at: Date): void {
    this.#move('DELIVERED', null, at);
    this.record(orderEvent.delivered({ orderId: this.id, userId: this.userId }, at));
  }

  /** Whether this order, still awaiting payment, has held its stock longer than `ttlMs` by `now`. */
  reservationExpiredBy(now: Date, ttlMs: number): boolean {
    return (
      this.status === 'PENDING_PAYMENT' && this.#state.placedAt < reservationCutoff(now, ttlMs)
    );
  }

  #move(to: OrderStatus, reason: StatusChangeReason | null, at: Date, payment?: PaymentRecord) {
    assertTransition(this.status, to);
    this.#state = {
      ...this.#state,
      status: to,
      history: [...this.#state.history, { status: to, reason, at }],
      payments: payment ? [...this.#state.payments, payment] : this.#state.payments,
    };
  }

  #quantities() {
    return this.#state.lines.map(({ productId, quantity }) => ({ productId, quantity }));
  }
}

/**
 * A reservation has a time limit: an order still awaiting payment holds its stock for at most
 * `ttlMs`. Answers the instant before which a pending order has held it too long.
 */
export function reservationCutoff(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() - ttlMs);
}
