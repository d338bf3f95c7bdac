import { describe, expect, it } from 'vitest';
import { approvedTestCard, declinedTestCard, simulateCharge } from './card-gateway';

describe('simulated card processor', () => {
  it.each([
    ['4242424242424242', 'APPROVED', '4242'],
    ['4242 4242 4242 4242', 'APPROVED', '4242'],
    ['4000000000000002', 'DECLINED', '0002'],
    ['5555555555554444', 'APPROVED', '4444'],
    ['378282246310005', 'APPROVED', '0005'],
    ['4242424242424241', 'DECLINED', '4241'],
    ['12345', 'DECLINED', '2345'],
  ])('%s → %s', (cardNumber, outcome, cardLast4) => {
    expect(simulateCharge(cardNumber)).toEqual({ outcome, cardLast4 });
  });

  it('approves the approved test card and declines the declined one', () => {
    expect(simulateCharge(approvedTestCard).outcome).toBe('APPROVED');
    expect(simulateCharge(declinedTestCard).outcome).toBe('DECLINED');
  });
});
