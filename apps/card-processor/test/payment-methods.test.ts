import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage, post, publishable, secret, useProcessor } from './client';

const processor = useProcessor();
const tokenize = (body: unknown, key = publishable) =>
  post(processor(), '/v1/payment-methods', body, { key });

describe('POST /v1/payment-methods', () => {
  it('stores a card and answers its id, brand, last four and expiry', async () => {
    const answer = await tokenize({
      cardNumber: '4242 4242 4242 4242',
      expiry: '12/40',
      cvc: '123',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^pm_[0-9a-f]{24}$/) as string,
      brand: 'visa',
      last4: '4242',
      expiry: '12/40',
    });
  });

  it('takes the secret key as well, and names other brands', async () => {
    const answer = await tokenize(
      { cardNumber: '5555-5555-5555-4444', expiry: '01/39', cvc: '999' },
      secret,
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ brand: 'mastercard', last4: '4444' });
  });

  it('gives every card its own id', async () => {
    const card = { cardNumber: '4242424242424242', expiry: '12/40', cvc: '123' };
    const [a, b] = await Promise.all([tokenize(card), tokenize(card)]);
    expect((a.body as { id: string }).id).not.toBe((b.body as { id: string }).id);
  });

  it.each([
    [
      { cardNumber: '4242424242424241', expiry: '12/40', cvc: '123' },
      'cardNumber: Card number is not valid',
    ],
    [
      { cardNumber: '4242', expiry: '12/40', cvc: '123' },
      'cardNumber: Card number must be 12 to 19 digits',
    ],
    [
      { cardNumber: '4242424242424242', expiry: '01/20', cvc: '123' },
      'expiry: This card has expired',
    ],
    [{ cardNumber: '4242424242424242', expiry: '13/40', cvc: '123' }, 'expiry: Use MM/YY'],
    [{ cardNumber: '4242424242424242', expiry: '12/40', cvc: '12' }, 'cvc: CVC is 3 or 4 digits'],
  ])('refuses a card that is not valid as invalid_card (%j)', async (card, message) => {
    const answer = await tokenize(card);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 'invalid_card', message } });
  });

  it('refuses a malformed request as invalid_request, naming each field', async () => {
    const answer = await tokenize({ cardNumber: 4242424242424242, expiry: '12/40', extra: true });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('invalid_request');
    expect(errorMessage(answer)).toMatch(/cardNumber: .*expected string/);
    expect(errorMessage(answer)).toMatch(/cvc: .*expected string/);
    expect(errorMessage(answer)).toMatch(/extra/);
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '42'],
  ])('refuses a body that is %s', async (_name, raw) => {
    const answer = await post(processor(), '/v1/payment-methods', undefined, {
      key: publishable,
      raw,
    });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('invalid_request');
  });
});
