import { describe, expect, it } from 'vitest';
import { testCards } from '../src/server';
import { charge, errorCode, tokenize, useProcessor } from './client';

const slowMs = 300;
const processor = useProcessor({ slowMs });

describe('POST /v1/charges', () => {
  it('approves the approved test card', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    const answer = await charge(processor(), pm, 'charge:approved', {
      metadata: { orderId: 'o-1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^ch_[0-9a-f]{24}$/) as string,
      status: 'approved',
      amount: 12900,
      currency: 'KRW',
      last4: '4242',
    });
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
  });

  it('declines the declined test card, with a code and a message', async () => {
    const pm = await tokenize(processor(), testCards.declined);
    const answer = await charge(processor(), pm, 'charge:declined');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'declined',
      last4: '0002',
      declineCode: 'card_declined',
      declineMessage: 'Your card was declined.',
    });
  });

  it('approves any other Luhn-valid card', async () => {
    const pm = await tokenize(processor(), '5555555555554444');
    expect((await charge(processor(), pm, 'charge:other')).body).toMatchObject({
      status: 'approved',
      last4: '4444',
    });
  });

  it('answers the slow test card after slowMs', async () => {
    const pm = await tokenize(processor(), testCards.slow);
    const started = performance.now();
    const answer = await charge(processor(), pm, 'charge:slow');
    expect(performance.now() - started).toBeGreaterThanOrEqual(slowMs - 5);
    expect(answer.body).toMatchObject({ status: 'approved', last4: '0077' });
  });

  it('answers 404 for a payment method it does not know', async () => {
    const answer = await charge(processor(), `pm_${'0'.repeat(24)}`, 'charge:unknown-pm');
    expect(answer.status).toBe(404);
    expect(errorCode(answer)).toBe('payment_method_not_found');
  });
});

describe('idempotent charges', () => {
  it('answers the same key and body with the first charge, without charging again', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    const first = await charge(processor(), pm, 'charge:twice');
    const second = await charge(processor(), pm, 'charge:twice');
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(
      processor()
        .charges()
        .filter((c) => c.paymentMethodId === pm),
    ).toHaveLength(1);
  });

  it('charges once when the same key arrives twice at once (the second waits for the first)', async () => {
    const pm = await tokenize(processor(), testCards.slow);
    const [a, b] = await Promise.all([
      charge(processor(), pm, 'charge:at-once'),
      charge(processor(), pm, 'charge:at-once'),
    ]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(
      processor()
        .charges()
        .filter((c) => c.paymentMethodId === pm),
    ).toHaveLength(1);
  });

  it('treats the same fields in another order as the same body', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    const first = await charge(processor(), pm, 'charge:order', { metadata: { a: '1', b: '2' } });
    const second = await charge(processor(), pm, 'charge:order', { metadata: { b: '2', a: '1' } });
    expect(second.body).toEqual(first.body);
  });

  it('refuses the same key with a different body (409)', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    await charge(processor(), pm, 'charge:changed');
    const answer = await charge(processor(), pm, 'charge:changed', { amount: 13000 });
    expect(answer.status).toBe(409);
    expect(errorCode(answer)).toBe('idempotency_key_reused');
    expect(
      processor()
        .charges()
        .filter((c) => c.paymentMethodId === pm),
    ).toHaveLength(1);
  });

  it('remembers a refusal under its key too', async () => {
    const unknown = `pm_${'1'.repeat(24)}`;
    await charge(processor(), unknown, 'charge:refused');
    const again = await charge(processor(), unknown, 'charge:refused');
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});
