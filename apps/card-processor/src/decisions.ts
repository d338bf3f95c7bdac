/**
 * Who decides a charge: the documented test cards by default, or whatever a test harness scripts.
 * The shape is the one the API's in-process simulator answered (`ChargeResult`), so a harness moving
 * from that simulator to this processor keeps its scripts.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface Decision {
  outcome: 'APPROVED' | 'DECLINED';
  cardLast4: string;
}

/** Decides one charge on one card (the number as digits only). */
export type Decider = (cardNumber: string) => Decision | Promise<Decision>;

/** Decides any charge; told which payment method, so one harness can script several. */
export type ChargeDecider = (
  cardNumber: string,
  paymentMethodId: string,
) => Decision | Promise<Decision>;

/** The test cards every PSP sandbox documents; ours are Stripe's numbers. */
export const testCards = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  slow: '4000000000000077',
} as const;

export const defaultSlowMs = 6000;

/**
 * The test-card rules: the decline card is declined, the slow card is approved after `slowMs`, every
 * other card (tokenization already refused the numbers that fail Luhn) is approved.
 */
export function testCardDecider(slowMs: number = defaultSlowMs): ChargeDecider {
  return async (cardNumber) => {
    const cardLast4 = cardNumber.slice(-4);
    if (cardNumber === testCards.declined) return { outcome: 'DECLINED', cardLast4 };
    if (cardNumber === testCards.slow) await delay(slowMs);
    return { outcome: 'APPROVED', cardLast4 };
  };
}
