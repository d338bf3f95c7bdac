/**
 * The saga's third step and its compensations, as the `ordering` consumer: the payment service's
 * answers (`payment.*` events) settle the order. Each handler claims the event in the inbox in the
 * transaction of its effect, under the order's row lock, so a second delivery, two at once, or
 * answers arriving in any order end in one correct state:
 * - captured → the order is paid and the cart checked out; for an order cancelled meanwhile (by
 *   the shopper, or its reservation ending) the charge is recorded and payment refunds it;
 * - declined → the stock goes back; payment could not charge → the order is released;
 * - refunded → the refund is recorded; charge skipped → a cancelled checkout ends quietly.
 * Settling a capture that fails is tried once more (the job's retry); if that fails too the order
 * is released and the money goes back, as in stage 3.
 */
import { Charge } from '@shop/domain/payment/charge';
import type { Order } from '@shop/domain/ordering/order';
import type { Tx } from '@shop/domain/shared/unit-of-work';
import type { Envelope } from '@shop/events/envelope';
import type * as payment from '@shop/events/payment';
import type { PayloadOf } from '@shop/events/define';
import type { Log } from '../log';
import type { OrderingDeps } from './deps';
import { releaseOrderStock } from './steps/release-order-stock';

export const orderingConsumer = 'ordering';

/** Test seams, found by the order's payment method: a settle that fails, a log that listens. */
export interface SettleSeams {
  forPaymentMethod(
    paymentMethodId: string | null,
  ): { beforeSettle?: (attempt: number) => void | Promise<void>; log?: Log } | undefined;
}

export interface AnswerDeps {
  ordering: OrderingDeps;
  seams?: SettleSeams | undefined;
}

export type EventHandler = (envelope: Envelope, delivery: { attempt: number }) => Promise<string>;

type Effect = (tx: Tx, order: Order, at: Date) => Promise<string>;

/** Claims the event, locks the order, runs `effect`; one transaction. */
function settle(deps: AnswerDeps, envelope: Envelope, orderId: string, effect: Effect) {
  const { ordering } = deps;
  return ordering.unitOfWork(async (tx) => {
    if (!(await ordering.inbox.claim(tx, orderingConsumer, envelope))) return 'already handled';
    const order = await ordering.orders.findByIdForUpdate(tx, orderId);
    const outcome = order
      ? await effect(tx, order, ordering.clock.now())
      : `no order ${orderId} here; nothing to settle`;
    await ordering.inbox.recordOutcome(tx, orderingConsumer, envelope.id, outcome);
    return outcome;
  });
}

const cancelledBecause = (order: Order) =>
  order.history.some((change) => change.reason === 'EXPIRED')
    ? 'its reservation ended'
    : 'it was cancelled';

export function paymentAnswerHandlers(deps: AnswerDeps): Record<string, EventHandler> {
  const { ordering } = deps;
  const logFor = (order: Order | null) =>
    deps.seams?.forPaymentMethod(order?.paymentMethodId ?? null)?.log ?? ordering.log;

  const capture = (envelope: Envelope, attempt: number) => {
    const answer = envelope.payload as PayloadOf<typeof payment.PaymentCaptured>;
    return settle(deps, envelope, answer.orderId, async (tx, order, at) => {
      await deps.seams?.forPaymentMethod(order.paymentMethodId)?.beforeSettle?.(attempt);
      const charge = Charge.of('APPROVED', order.total, answer.cardLast4);
      const ledger = await ordering.payments.findByOrder(tx, order.id);
      ledger.recordCharge(charge, at);
      const settlement = order.settle(charge, at);
      await ordering.orders.save(tx, order);
      await ordering.payments.save(tx, ledger);
      if (settlement.checkOutCart) {
        const cart = await ordering.carts.findForUpdate(tx, { userId: order.userId });
        cart?.checkOut(order.id, order.lines, at);
        if (cart) await ordering.carts.save(tx, cart);
      }
      if (settlement.settled === 'paid') {
        await ordering.sagas.record(tx, order.id, 'captured', 'Payment captured the charge; the order is paid.', envelope.id);
        return 'order paid';
      }
      await ordering.sagas.record(
        tx,
        order.id,
        'captured',
        `Payment captured the charge after ${cancelledBecause(order)}; payment refunds it.`,
        envelope.id,
      );
      return 'charge recorded for a cancelled order; payment refunds it';
    });
  };

  /** The capture could not be settled twice: release the order; payment refunds the charge. */
  const releaseAfterFailedSettle = (envelope: Envelope, cause: unknown) => {
    const answer = envelope.payload as PayloadOf<typeof payment.PaymentCaptured>;
    let log = ordering.log;
    return settle(deps, envelope, answer.orderId, async (tx, order, at) => {
      log = logFor(order);
      const { releaseStock } = order.abandonCheckout(at);
      if (releaseStock) await releaseOrderStock(ordering, tx, order, at);
      const ledger = await ordering.payments.findByOrder(tx, order.id);
      const charge = Charge.of('APPROVED', order.total, answer.cardLast4);
      ledger.recordCharge(charge, at);
      order.settle(charge, at);
      await ordering.orders.save(tx, order);
      await ordering.payments.save(tx, ledger);
      await ordering.sagas.record(
        tx,
        order.id,
        'settle-failed',
        'Settling the captured payment failed twice; the order was cancelled, its stock released, and payment refunds the charge.',
        envelope.id,
      );
      return 'settle failed twice: order released, refund due';
    }).then((outcome) => {
      log.error(
        { event: 'order.settle_failed', orderId: answer.orderId, stage: 'settle', released: true, err: cause },
        `order ${answer.orderId}: settle failed; the order was cancelled and its stock returned`,
      );
      return outcome;
    });
  };

  return {
    'payment.PaymentCaptured': async (envelope, { attempt }) => {
      try {
        return await capture(envelope, attempt);
      } catch (error) {
        const { orderId } = envelope.payload as { orderId: string };
        if (attempt >= 2) return releaseAfterFailedSettle(envelope, error);
        ordering.log.warn(
          { event: 'order.settle_retried', orderId, err: error },
          `order ${orderId}: settling failed once; trying again`,
        );
        throw error;
      }
    },

    'payment.PaymentDeclined': (envelope) => {
      const answer = envelope.payload as PayloadOf<typeof payment.PaymentDeclined>;
      return settle(deps, envelope, answer.orderId, async (tx, order, at) => {
        const charge = Charge.of('DECLINED', order.total, answer.cardLast4);
        const ledger = await ordering.payments.findByOrder(tx, order.id);
        ledger.recordCharge(charge, at);
        const settlement = order.settle(charge, at);
        await ordering.orders.save(tx, order);
        await ordering.payments.save(tx, ledger);
        if (settlement.releaseStock) await releaseOrderStock(ordering, tx, order, at);
        const state = await ordering.sagas.record(
          tx,
          order.id,
          'declined',
          settlement.releaseStock
            ? `The card was declined (${answer.reason}); the stock went back.`
            : `The card was declined after ${cancelledBecause(order)}; nothing was charged.`,
          envelope.id,
        );
        return `declined; saga ${state ?? 'not started'}`;
      });
    },

    'payment.PaymentFailed': (envelope) => {
      const answer = envelope.payload as PayloadOf<typeof payment.PaymentFailed>;
      let log = ordering.log;
      return settle(deps, envelope, answer.orderId, async (tx, order, at) => {
        log = logFor(order);
        const { releaseStock } = order.abandonCheckout(at);
        if (releaseStock) await releaseOrderStock(ordering, tx, order, at);
        await ordering.orders.save(tx, order);
        await ordering.sagas.record(
          tx,
          order.id,
          'payment-failed',
          releaseStock
            ? `Payment could not charge the card (${answer.reason}); the order was released and its stock went back.`
            : `Payment could not charge the card (${answer.reason}) after ${cancelledBecause(order)}; nothing was charged.`,
          envelope.id,
        );
        return releaseStock ? 'payment failed: order released' : 'payment failed: order already closed';
      }).then((outcome) => {
        log.error(
          { event: 'order.settle_failed', orderId: answer.orderId, stage: 'charge', released: true, reason: answer.reason },
          `order ${answer.orderId}: the charge failed; the order was cancelled and its stock returned`,
        );
        return outcome;
      });
    },

    'payment.PaymentRefunded': (envelope) => {
      const answer = envelope.payload as PayloadOf<typeof payment.PaymentRefunded>;
      return settle(deps, envelope, answer.orderId, async (tx, order, at) => {
        const ledger = await ordering.payments.findByOrder(tx, order.id);
        // The capture is settled first (it may still be on its way: then this retries).
        if (!ledger.charge?.approved)
          throw new Error(`order ${order.id}: a refund arrived before its capture; retrying`);
        ledger.refund(at);
        await ordering.payments.save(tx, ledger);
        await ordering.sagas.record(tx, order.id, 'refunded', 'Payment refunded the charge in full.', envelope.id);
        return 'refund recorded';
      });
    },

    'payment.ChargeSkipped': (envelope) => {
      const answer = envelope.payload as PayloadOf<typeof payment.ChargeSkipped>;
      return settle(deps, envelope, answer.orderId, async (tx, order) => {
        await ordering.sagas.record(
          tx,
          order.id,
          'charge-skipped',
          'Payment saw the cancellation before the order, so it never charged the card.',
          envelope.id,
        );
        return 'cancelled checkout closed: nothing charged';
      });
    },
  };
}
