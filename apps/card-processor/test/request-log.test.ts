import { describe, expect, it } from 'vitest';
import { testCards } from '../src/server';
import { charge, post, publishable, tokenize, useProcessor } from './client';

const lines: string[] = [];
const processor = useProcessor({ log: (line) => lines.push(line) });

/** Any 4 consecutive digits of the card beyond the last four would be too many. */
const cardDigits = [testCards.approved, '4242 4242 4242 4242', '4242-4242-4242-4242', '42424242'];

describe('the request log', () => {
  it('writes one line per request and never a card number', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    await charge(processor(), pm, 'charge:logged');
    const card = { cardNumber: '4242 4242 4242 4242', expiry: '12/40', cvc: '123' };
    await post(processor(), '/v1/payment-methods', { ...card, cvc: 'x' }, { key: publishable });
    await post(processor(), '/v1/payment-methods', undefined, {
      key: publishable,
      raw: `{"cardNumber":"${testCards.approved}"`,
    });
    await post(processor(), '/v1/payment-methods', card, { key: 'pk_wrong' });
    await fetch(
      `${processor().url}/v1/cards/${testCards.approved}?cardNumber=${testCards.approved}`,
    );
    await fetch(`${processor().url}/v1/cards/4242-4242-4242-4242`);
    await fetch(
      `${processor().url}/v1/cards/${[...testCards.approved].map((d) => `%3${d}`).join('')}`,
    );

    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^POST \/v1\/payment-methods 201 \d+ms$/);
    expect(lines[1]).toMatch(/^POST \/v1\/charges 200 \d+ms$/);
    expect(lines[5]).toMatch(/^GET \/v1\/cards\/\[digits masked\] 401 \d+ms$/);
    for (const line of lines) {
      for (const digits of cardDigits) expect(line).not.toContain(digits);
    }
  });
});
