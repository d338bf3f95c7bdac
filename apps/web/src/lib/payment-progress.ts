/**
 * What the shopper's order page says while payment is still answering (checkout answered the
 * order as PENDING_PAYMENT after `CHECKOUT_WAIT_MS`), and for how long the page keeps asking.
 */
import type { OrderStatus } from '@shop/contract/orders';

/**
 * How long after the order was placed the page keeps polling: the API's default reservation
 * (`RESERVATION_MINUTES`, 15) and a minute's grace. By then the order is settled or cancelled as
 * expired; a longer reservation only means a reload shows the answer.
 */
export const paymentWatchMs = 16 * 60_000;

export const pollEveryMs = 1_000;

/**
 * The live region's sentence: while pending, that payment is being processed; once the order
 * settled during this visit, how it ended; null when there is nothing to say.
 */
export function paymentProgressMessage(
  openedPending: boolean,
  status: OrderStatus,
  gaveUp: boolean,
): string | null {
  if (status === 'PENDING_PAYMENT')
    return gaveUp
      ? 'Your payment is still being processed. Reload this page later to see the outcome.'
      : 'Your payment is being processed. This page updates by itself.';
  if (!openedPending) return null;
  if (status === 'CANCELLED')
    return 'Your payment did not go through, so the order is cancelled. Any money taken is refunded.';
  return 'Your payment went through: the order is paid.';
}
