import { passesLuhn } from '@shop/contract/orders';
import type { PaymentOutcome } from '@shop/db/client';

export const approvedTestCard = '4242424242424242';
export const declinedTestCard = '4000000000000002';

export interface ChargeResult {
  outcome: PaymentOutcome;
  cardLast4: string;
}

/**
 * The simulated card processor: the well-known decline test number is declined, every other
 * Luhn-valid number is approved.
 */
export function simulateCharge(cardNumber: string): ChargeResult {
  const digits = cardNumber.replace(/\D/g, '');
  const valid = /^\d{12,19}$/.test(digits) && passesLuhn(digits);
  return {
    outcome: valid && digits !== declinedTestCard ? 'APPROVED' : 'DECLINED',
    cardLast4: digits.slice(-4).padStart(4, '0'),
  };
}
