import { describe, expect, it } from 'vitest';
import { paymentProgressMessage } from './payment-progress';

describe('paymentProgressMessage', () => {
  it('says the payment is being processed while the order awaits it, and when the page stops asking', () => {
    expect(paymentProgressMessage(true, 'PENDING_PAYMENT', false)).toMatch(
      /^Your payment is being processed/,
    );
    expect(paymentProgressMessage(true, 'PENDING_PAYMENT', true)).toMatch(/Reload this page later/);
  });

  it('tells how a payment ended only when it ended during the visit', () => {
    expect(paymentProgressMessage(true, 'PAID', false)).toBe(
      'Your payment went through: the order is paid.',
    );
    expect(paymentProgressMessage(true, 'CANCELLED', false)).toMatch(/did not go through/);
    expect(paymentProgressMessage(false, 'PAID', false)).toBeNull();
    expect(paymentProgressMessage(false, 'CANCELLED', false)).toBeNull();
  });
});
