/** How patient checkout is; tests pass their own through the context. */
export interface CheckoutSettings {
  /**
   * How long `orders.place` waits for the checkout saga (payment is another service now) before
   * answering the order as PENDING_PAYMENT; the order page then follows it (CHECKOUT_WAIT_MS).
   */
  waitMs: number;
  /**
   * How long a repeated key waits for the first attempt to settle before answering "still being
   * processed" (a retryable TIMEOUT) instead of a pending order.
   */
  replayWaitMs: number;
}

/** Checkout's patience unless the process or a request's settings say otherwise. */
export const defaultCheckoutSettings: CheckoutSettings = {
  waitMs: 3_000,
  replayWaitMs: 3_000,
};
