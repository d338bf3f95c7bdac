import { describe, expect, it } from 'vitest';
import { startCardProcessor } from '../src/server';
import { errorCode, post, publishable, tokenize, useProcessor } from './client';

const processor = useProcessor();
const card = { cardNumber: '4242424242424242', expiry: '12/40', cvc: '123' };

describe('API keys', () => {
  it.each([
    ['no key', null],
    ['an unknown key', 'sk_test_someone_else'],
    ['an empty bearer', ''],
  ])('refuses %s with 401', async (_name, key) => {
    const answer = await post(processor(), '/v1/payment-methods', card, { key });
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('unauthorized');
  });

  it('refuses the publishable key on charges and refunds with 403', async () => {
    const pm = await tokenize(processor(), '4242424242424242');
    const charge = await post(
      processor(),
      '/v1/charges',
      { paymentMethodId: pm, amount: 100, currency: 'KRW' },
      { key: publishable, idempotencyKey: 'charge:pk' },
    );
    expect(charge.status).toBe(403);
    expect(errorCode(charge)).toBe('forbidden');
    const refund = await post(
      processor(),
      '/v1/refunds',
      { chargeId: `ch_${'0'.repeat(24)}` },
      { key: publishable, idempotencyKey: 'refund:pk' },
    );
    expect(refund.status).toBe(403);
    expect(processor().charges()).toEqual([]);
  });

  it('checks the key before the body', async () => {
    const answer = await post(processor(), '/v1/charges', undefined, { key: null, raw: '{' });
    expect(answer.status).toBe(401);
  });

  it('takes the keys it is given, and refuses the defaults then', async () => {
    const custom = await startCardProcessor({
      keys: { publishable: 'pk_live_x', secret: 'sk_live_x' },
    });
    try {
      expect((await post(custom, '/v1/payment-methods', card, { key: 'pk_live_x' })).status).toBe(
        201,
      );
      expect((await post(custom, '/v1/payment-methods', card, { key: publishable })).status).toBe(
        401,
      );
    } finally {
      await custom.close();
    }
  });

  it('serves /health and /openapi.json without a key', async () => {
    const health = await fetch(`${processor().url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${processor().url}/openapi.json`)).status).toBe(200);
  });
});
