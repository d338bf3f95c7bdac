import { describe, expect, it } from 'vitest';
import { isExpired, passesLuhn, payment } from './orders';

describe('passesLuhn', () => {
  it('accepts the test cards and rejects a changed digit', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4000000000000002')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
  });
});

describe('isExpired', () => {
  const now = new Date(Date.UTC(2026, 10, 25)); // 25 Nov 2026

  it('keeps a card good through the last day of its expiry month', () => {
    expect(isExpired('11/26', now)).toBe(false);
    expect(isExpired('11/26', new Date(Date.UTC(2026, 10, 30, 23, 59)))).toBe(false);
    expect(isExpired('11/26', new Date(Date.UTC(2026, 11, 1)))).toBe(true);
  });

  it('treats earlier months as expired and later ones as good', () => {
    expect(isExpired('10/26', now)).toBe(true);
    expect(isExpired('12/25', now)).toBe(true);
    expect(isExpired('01/27', now)).toBe(false);
  });
});

describe('payment', () => {
  const card = { cardNumber: '4242 4242 4242 4242', expiry: '12/99', cvc: '123' };

  it('normalises the card number to digits', () => {
    expect(payment.parse(card).cardNumber).toBe('4242424242424242');
  });

  it('names the field that is wrong', () => {
    const result = payment.safeParse({ ...card, expiry: '01/20' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['expiry'],
      message: 'This card has expired',
    });
  });
});
