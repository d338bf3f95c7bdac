/**
 * Integration events the payment context (the worker) publishes: the card processor's answers and
 * the money given back. The ordering context settles orders from them.
 */
import { z } from 'zod';
import { defineEvent } from './define';
import { amount, currency, id, instant, last4 } from './shared';

export const PaymentCaptured = defineEvent({
  name: 'payment.PaymentCaptured',
  version: 1,
  producer: 'worker',
  consumers: ['ordering'],
  summary: "The card processor approved the order's charge; the money is taken.",
  payload: z.object({
    orderId: id.describe('The order the charge was for.'),
    paymentId: id.describe("The payment in the worker's ledger."),
    chargeId: id.describe("The card processor's charge id (`ch_…`)."),
    amount: amount.describe('The amount captured, in minor units of `currency`.'),
    currency,
    cardLast4: last4,
    capturedAt: instant.describe('When the processor approved the charge.'),
  }),
});

export const PaymentDeclined = defineEvent({
  name: 'payment.PaymentDeclined',
  version: 1,
  producer: 'worker',
  consumers: ['ordering'],
  summary: "The card processor declined the order's charge; nothing was taken.",
  payload: z.object({
    orderId: id.describe('The order the charge was for.'),
    paymentId: id.describe("The payment in the worker's ledger."),
    cardLast4: last4,
    reason: z
      .string()
      .min(1)
      .max(200)
      .describe('Why the processor declined, in its words (shown to the shopper).'),
    declinedAt: instant.describe('When the processor declined the charge.'),
  }),
});

export const PaymentRefunded = defineEvent({
  name: 'payment.PaymentRefunded',
  version: 1,
  producer: 'worker',
  consumers: ['ordering', 'notifications'],
  summary: 'The captured charge of a cancelled order was given back in full.',
  payload: z.object({
    orderId: id.describe('The cancelled order.'),
    paymentId: id.describe("The payment in the worker's ledger."),
    refundId: id.describe("The card processor's refund id (`re_…`)."),
    amount: amount.describe(
      'The amount given back (the whole charge), in minor units of `currency`.',
    ),
    currency,
    reason: z
      .string()
      .min(1)
      .max(200)
      .describe('Why the money was given back, e.g. the order was cancelled after payment.'),
    refundedAt: instant.describe('When the processor confirmed the refund.'),
  }),
});

export const PaymentFailed = defineEvent({
  name: 'payment.PaymentFailed',
  version: 1,
  producer: 'worker',
  consumers: ['ordering'],
  summary:
    'The card processor could not be reached or answered with an error, so no charge was made and none will be; the shopper may try again.',
  payload: z.object({
    orderId: id.describe('The order whose card could not be charged.'),
    paymentId: id.describe("Payment's own id for this order's payment."),
    reason: z
      .string()
      .min(1)
      .max(200)
      .describe('What went wrong, in words for the back office (never card data).'),
    failedAt: instant.describe('When payment gave up on the charge.'),
  }),
});

export const ChargeSkipped = defineEvent({
  name: 'payment.ChargeSkipped',
  version: 1,
  producer: 'worker',
  consumers: ['ordering'],
  summary:
    'Payment saw the order only after its cancellation, so it never charged the card (events may arrive out of order).',
  payload: z.object({
    orderId: id.describe('The order that was not charged.'),
    reason: z.literal('order-cancelled-before-charge').describe('Why no charge was made.'),
    skippedAt: instant.describe('When payment decided not to charge.'),
  }),
});

export const paymentEvents = [
  PaymentCaptured,
  PaymentDeclined,
  PaymentRefunded,
  PaymentFailed,
  ChargeSkipped,
] as const;
