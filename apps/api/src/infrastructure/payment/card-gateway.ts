/**
 * The card processor. Today a simulator: the well-known decline test number is declined, every
 * other Luhn-valid number is approved. A real provider would answer the same `ChargeResult`.
 */
import { passesLuhn } from '@shop/contract/orders';

export const approvedTestCard = '4242424242424242';
export const declinedTestCard = '4000000000000002';

export interface ChargeResult {
  outcome: 'APPROVED' | 'DECLINED';
  cardLast4: string;
}

export function simulateCharge(cardNumber: string): ChargeResult {
  const digits = cardNumber.replace(/\D/g, '');
  const valid = /^\d{12,19}$/.test(digits) && passesLuhn(digits);
  return {
    outcome: valid && digits !== declinedTestCard ? 'APPROVED' : 'DECLINED',
    cardLast4: digits.slice(-4).padStart(4, '0'),
  };
}
