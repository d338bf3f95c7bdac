/**
 * ordering.OrderPlaced → charge the order's card, once. In one transaction: claim the event in the
 * inbox, lock the order's payment, then — if the order was cancelled first (the tombstone) — skip
 * it without charging; if it was never charged — charge it and record the answer (captured or
 * declined, with its ledger entry); otherwise do nothing. The answering event goes to the outbox
 * in the same transaction.
 *
 * The processor is called inside the transaction: if the worker dies before the commit, nothing
 * was recorded, and the retry asks again under the same idempotency key (`charge:<orderId>`) and
 * gets the first answer — the card is charged once either way. A processor that cannot be reached
 * throws (the job is retried) unless `finalAttempt` says there is no retry left; a request the
 * processor refuses (e.g. an unknown payment method) fails the payment at once.
 */
import type { Envelope } from '@shop/events/envelope';
import type { OrderPlaced } from '@shop/events/ordering';
import type { PayloadOf } from '@shop/events/define';
import { inTransaction } from '../db/pool';
import { claimEvent, recordOutcome } from '../events/inbox';
import { CardProcessorError } from './card-processor-client';
import { Charge } from './domain/charge';
import { Money } from './domain/money';
import type { Payment, PlacedOrder } from './domain/payment';
import { paymentConsumer, reasonText, type PaymentDeps } from './payment-deps';
import { lockPayment, savePayment } from './payment-repository';

export async function onOrderPlaced(
  deps: PaymentDeps,
  envelope: Envelope<PayloadOf<typeof OrderPlaced>>,
  options: { finalAttempt?: boolean } = {},
): Promise<string> {
  const { orderId, paymentMethodId, amount, currency } = envelope.payload;
  const now = deps.clock ?? (() => new Date());
  return inTransaction(deps.db, async (tx) => {
    if (!(await claimEvent(tx, paymentConsumer, envelope))) return 'duplicate: handled already';
    const payment = await lockPayment(tx, orderId);
    const order = { paymentMethodId, amount: Money.of(amount, currency) };
    let outcome: string;
    switch (payment.nextStepForOrder()) {
      case 'skip':
        payment.skip(order, now());
        outcome = 'skipped: the order was cancelled before it was charged';
        break;
      case 'charge':
        outcome = await charge(deps, payment, order, options.finalAttempt ?? false, now);
        break;
      case 'none':
        outcome = `nothing to do: the payment is ${payment.status} already`;
    }
    await savePayment(tx, payment, envelope);
    await recordOutcome(tx, paymentConsumer, envelope, outcome);
    return outcome;
  });
}

async function charge(
  deps: PaymentDeps,
  payment: Payment,
  order: PlacedOrder,
  finalAttempt: boolean,
  now: () => Date,
): Promise<string> {
  const { amount, currency } = order.amount;
  try {
    const answer = await deps.processor.charge({
      orderId: payment.orderId,
      paymentMethodId: order.paymentMethodId,
      amount,
      currency,
    });
    const money = Money.of(answer.amount, answer.currency);
    if (answer.status === 'approved') {
      payment.recordCharge(order, Charge.approved(answer.id, money, answer.last4), now());
      return `charged: ${answer.id} captured`;
    }
    const reason = reasonText(answer.declineCode ?? answer.declineMessage ?? 'declined');
    payment.recordCharge(order, Charge.declined(answer.id, money, answer.last4, reason), now());
    return `declined: ${answer.id} (${reason})`;
  } catch (error) {
    if (!(error instanceof CardProcessorError) || (error.retryable && !finalAttempt)) throw error;
    payment.recordFailure(order, reasonText(error.message), now());
    return reasonText(`failed: ${error.message}`);
  }
}
