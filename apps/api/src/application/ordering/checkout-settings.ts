/** The card processor's answer to one charge. */
export interface ChargeResult {
  outcome: 'APPROVED' | 'DECLINED';
  cardLast4: string;
}

/** What checkout talks to and how patient it is; tests pass their own through the context. */
export interface CheckoutSettings {
  /**
   * The card processor: charges the card and says whether it was approved. The composition root
   * hands in infrastructure's (the simulator today) through ordering's ports.
   */
  charge: (cardNumber: string) => ChargeResult | Promise<ChargeResult>;
  /**
   * How long a repeated key waits for the first attempt to settle before answering "still being
   * processed" (a retryable TIMEOUT) instead of a pending order.
   */
  replayWaitMs: number;
  /** A seam for tests: runs inside each settle transaction; throwing there stands for a failed settle. */
  beforeSettle?: (attempt: number) => void | Promise<void>;
}

/** Checkout's patience unless a request's settings say otherwise; the processor comes from the ports. */
export const defaultCheckoutSettings: Omit<CheckoutSettings, 'charge'> = {
  replayWaitMs: 3_000,
};
