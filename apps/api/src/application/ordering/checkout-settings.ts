import { simulateCharge, type ChargeResult } from '../../infrastructure/payment/card-gateway';

/** What checkout talks to and how patient it is; tests pass their own through the context. */
export interface CheckoutSettings {
  /** The card processor: charges the card and says whether it was approved. */
  charge: (cardNumber: string) => ChargeResult | Promise<ChargeResult>;
  /**
   * How long a repeated key waits for the first attempt to settle before answering "still being
   * processed" (a retryable TIMEOUT) instead of a pending order.
   */
  replayWaitMs: number;
  /** A seam for tests: runs inside each settle transaction; throwing there stands for a failed settle. */
  beforeSettle?: (attempt: number) => void | Promise<void>;
}

export const defaultCheckoutSettings: CheckoutSettings = {
  charge: simulateCharge,
  replayWaitMs: 3_000,
};
