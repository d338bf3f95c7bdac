/**
 * Integration events the ordering context (the API) publishes. They carry ids and facts — never a
 * card number, password, session or token: the card stays with the card processor, which the
 * order refers to by its payment method id.
 */
import { z } from 'zod';
import { defineEvent } from './define';
import { amount, currency, id, instant, text } from './shared';

const line = z.object({
  productId: id.describe('The product.'),
  quantity: z.number().int().positive().describe('Units ordered.'),
  unitPrice: amount.describe('The price of one unit when the order was placed, in minor units.'),
});

export const OrderPlaced = defineEvent({
  name: 'ordering.OrderPlaced',
  version: 1,
  producer: 'api',
  consumers: ['payment', 'checkout-timeouts'],
  summary:
    'The order was recorded and its stock reserved until `reservedUntil`; the card behind `paymentMethodId` is to be charged `amount`.',
  payload: z.object({
    orderId: id.describe('The order (also the correlation id of its checkout).'),
    customerId: id.describe('The shopper who placed it.'),
    amount: amount.describe('The total to charge, in minor units of `currency`.'),
    currency,
    lines: z.array(line).min(1).describe('What was ordered, at the prices charged.'),
    paymentMethodId: z
      .string()
      .regex(/^pm_[A-Za-z0-9]{8,64}$/)
      .describe(
        "The card processor's id of the shopper's card (`pm_…`); charging it needs the worker's secret key.",
      ),
    reservedUntil: instant.describe(
      'When the stock reservation ends; an order still unpaid then is cancelled.',
    ),
  }),
});

const contact = {
  customerId: id.describe('The shopper.'),
  email: text.describe('Where the e-mail about the order goes.'),
  customerName: text.describe('The name the e-mail greets the shopper by.'),
};

export const OrderPaid = defineEvent({
  name: 'ordering.OrderPaid',
  version: 1,
  producer: 'api',
  consumers: ['notifications'],
  summary: 'Payment was captured and the order is paid; the shopper gets a confirmation.',
  payload: z.object({
    orderId: id.describe('The order.'),
    ...contact,
    amount: amount.describe('The total paid, in minor units of `currency`.'),
    currency,
    lines: z
      .array(line.extend({ name: text.describe("The product's name when the order was placed.") }))
      .min(1)
      .describe('What was bought, for the confirmation e-mail.'),
    paidAt: instant.describe('When the order was marked paid.'),
  }),
});

export const cancelReasons = ['customer', 'expired', 'payment-failed'] as const;

export const OrderCancelled = defineEvent({
  name: 'ordering.OrderCancelled',
  version: 1,
  producer: 'api',
  consumers: ['payment', 'notifications'],
  summary:
    'The order was cancelled (by the shopper, by its reservation ending, or because its payment could not be settled) and its stock released; `refundDue` says whether it had been paid.',
  payload: z.object({
    orderId: id.describe('The order.'),
    ...contact,
    reason: z
      .enum(cancelReasons)
      .describe('Who or what cancelled it: the shopper, the reservation ending, the back office.'),
    refundDue: z
      .boolean()
      .describe('True when the order had been paid: payment refunds the captured charge.'),
    cancelledAt: instant.describe('When the order was cancelled.'),
  }),
});

export const orderingEvents = [OrderPlaced, OrderPaid, OrderCancelled] as const;
