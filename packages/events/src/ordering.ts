/**
 * Integration events the ordering context (the API) publishes. They carry ids and facts — never a
 * card number, password, session or token: the card stays with the card processor, which the
 * order refers to by its payment method id.
 */
import { z } from 'zod';
import { defineEvent } from './define';
import { amount, currency, id, instant, text } from './shared';

const line = z.object({ productId: id, quantity: z.number().int().positive(), unitPrice: amount });

export const OrderPlaced = defineEvent({
  name: 'ordering.OrderPlaced',
  version: 1,
  producer: 'api',
  consumers: ['payment', 'checkout-timeouts'],
  summary:
    'The order was recorded and its stock reserved until `reservedUntil`; the card behind `paymentMethodId` is to be charged `amount`.',
  payload: z.object({
    orderId: id,
    customerId: id,
    amount,
    currency,
    lines: z.array(line).min(1),
    /** The card processor's id of the shopper's card; charging it needs the worker's secret key. */
    paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9]{8,64}$/),
    reservedUntil: instant,
  }),
});

const contact = { customerId: id, email: text, customerName: text };

export const OrderPaid = defineEvent({
  name: 'ordering.OrderPaid',
  version: 1,
  producer: 'api',
  consumers: ['notifications'],
  summary: 'Payment was captured and the order is paid; the shopper gets a confirmation.',
  payload: z.object({
    orderId: id,
    ...contact,
    amount,
    currency,
    lines: z.array(line.extend({ name: text })).min(1),
    paidAt: instant,
  }),
});

export const cancelReasons = ['customer', 'expired', 'admin'] as const;

export const OrderCancelled = defineEvent({
  name: 'ordering.OrderCancelled',
  version: 1,
  producer: 'api',
  consumers: ['payment', 'notifications'],
  summary:
    'The order was cancelled (by the shopper, the back office, or its reservation ending) and its stock released; `refundDue` says whether it had been paid.',
  payload: z.object({
    orderId: id,
    ...contact,
    reason: z.enum(cancelReasons),
    refundDue: z.boolean(),
    cancelledAt: instant,
  }),
});

export const orderingEvents = [OrderPlaced, OrderPaid, OrderCancelled] as const;
