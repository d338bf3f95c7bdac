import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  errorCode,
  errorMessage,
  post,
  publishable,
  secret,
  tokenize,
  useProcessor,
} from './client';

const processor = useProcessor({ maxBodyBytes: 16 * 1024 });
const card = { cardNumber: '4242424242424242', expiry: '12/40', cvc: '123' };

/** No answer may be a 500 or carry a stack trace. */
function expectClearRefusal(
  answer: { status: number; body: unknown },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(errorCode(answer)).toBe(code);
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe('what a caller may get wrong', () => {
  it('refuses JSON that does not parse', async () => {
    const answer = await post(processor(), '/v1/payment-methods', undefined, {
      key: publishable,
      raw: '{"cardNumber": "4242424242424242", ',
    });
    expectClearRefusal(answer, 400, 'invalid_request');
    expect(errorMessage(answer)).toBe('Malformed JSON in request body');
  });

  it('refuses a body that is not sent as JSON', async () => {
    const answer = await post(processor(), '/v1/payment-methods', card, {
      key: publishable,
      contentType: 'application/x-www-form-urlencoded',
    });
    expectClearRefusal(answer, 415, 'unsupported_media_type');
  });

  it('refuses NUL bytes in any field', async () => {
    const pm = await tokenize(processor(), '4242424242424242');
    const inCard = await post(
      processor(),
      '/v1/payment-methods',
      { ...card, cardNumber: '4242424242424242\u0000' },
      { key: publishable },
    );
    expectClearRefusal(inCard, 400, 'invalid_card');
    const inMetadata = await post(
      processor(),
      '/v1/charges',
      { paymentMethodId: pm, amount: 100, currency: 'KRW', metadata: { orderId: 'a\u0000b' } },
      { idempotencyKey: 'nul-in-metadata' },
    );
    expectClearRefusal(inMetadata, 400, 'invalid_request');
    expect(errorMessage(inMetadata)).toBe('metadata.orderId: must not contain NUL');
    const inId = await post(
      processor(),
      '/v1/refunds',
      { chargeId: 'ch_\u0000' },
      { idempotencyKey: 'nul-in-id' },
    );
    expectClearRefusal(inId, 400, 'invalid_request');
  });

  it('refuses wrong types and values in a charge, each by field', async () => {
    const pm = await tokenize(processor(), '4242424242424242');
    const answer = await post(
      processor(),
      '/v1/charges',
      { paymentMethodId: pm, amount: 12.5, currency: 'krw', metadata: 'order 1' },
      { idempotencyKey: 'wrong-types' },
    );
    expectClearRefusal(answer, 400, 'invalid_request');
    expect(errorMessage(answer)).toMatch(/^amount: .*; currency: .*; metadata: .*$/);
    const negative = await post(
      processor(),
      '/v1/charges',
      { paymentMethodId: pm, amount: -1, currency: 'KRW' },
      { idempotencyKey: 'negative' },
    );
    expectClearRefusal(negative, 400, 'invalid_request');
  });

  it('refuses a body over the limit with 413 (stated length)', async () => {
    const answer = await post(processor(), '/v1/payment-methods', {
      ...card,
      padding: 'x'.repeat(20 * 1024),
    });
    expectClearRefusal(answer, 413, 'payload_too_large');
  });

  it('refuses a body over the limit with 413 (chunked, no stated length)', async () => {
    const answer = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const req = request(
        `${processor().url}/v1/payment-methods`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(`"${'x'.repeat(1024)}",`);
      req.end();
    });
    expectClearRefusal(answer, 413, 'payload_too_large');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await fetch(`${processor().url}/v2/anything`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /v2/anything' },
    });
  });

  it('requires an Idempotency-Key on a charge and a refund', async () => {
    const pm = await tokenize(processor(), '4242424242424242');
    const answer = await post(processor(), '/v1/charges', {
      paymentMethodId: pm,
      amount: 100,
      currency: 'KRW',
    });
    expectClearRefusal(answer, 400, 'invalid_request');
    expect(errorMessage(answer)).toBe(
      'Send an Idempotency-Key header (for example charge:<orderId>)',
    );
    const refund = await post(processor(), '/v1/refunds', { chargeId: `ch_${'0'.repeat(24)}` });
    expectClearRefusal(refund, 400, 'invalid_request');
  });
});
