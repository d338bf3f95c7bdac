/**
 * The client against the real card processor (`@shop/card-processor`, started in-process on a free
 * port): the shapes, keys and idempotency it relies on, as the processor implements them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProcessor, testCards } from '../../test/card-processor';
import { CardProcessorError, createCardProcessorClient } from './card-processor-client';

let processor: Awaited<ReturnType<typeof startTestProcessor>>;
let client: ReturnType<typeof createCardProcessorClient>;
beforeAll(async () => {
  processor = await startTestProcessor();
  client = createCardProcessorClient({ url: processor.url, secretKey: processor.secretKey });
});
afterAll(() => processor?.close());

const order = (orderId: string, paymentMethodId: string) => ({
  orderId,
  paymentMethodId,
  amount: 12_900,
  currency: 'KRW',
});

async function failure(promise: Promise<unknown>): Promise<CardProcessorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CardProcessorError);
  return error as CardProcessorError;
}

describe('the client against the card processor', () => {
  it('charges once per order: asking again returns the first answer', async () => {
    const pm = await processor.tokenize(testCards.approved);
    const before = processor.counts().charges;
    const first = await client.charge(order('ord-a', pm));
    expect(first).toMatchObject({
      status: 'approved',
      amount: 12_900,
      currency: 'KRW',
      last4: '4242',
    });
    expect(await client.charge(order('ord-a', pm))).toEqual(first);
    expect(processor.counts().charges - before).toBe(1);
  });

  it('reads a decline as an answer', async () => {
    const pm = await processor.tokenize(testCards.declined);
    expect(await client.charge(order('ord-b', pm))).toMatchObject({
      status: 'declined',
      last4: '0002',
      declineCode: 'card_declined',
    });
  });

  it('refunds once per order: asking again returns the first refund', async () => {
    const pm = await processor.tokenize(testCards.approved);
    const charge = await client.charge(order('ord-c', pm));
    const refund = await client.refund({ orderId: 'ord-c', chargeId: charge.id });
    expect(refund).toMatchObject({ chargeId: charge.id, amount: 12_900, status: 'succeeded' });
    expect(await client.refund({ orderId: 'ord-c', chargeId: charge.id })).toEqual(refund);
  });

  it('reads a refusal as permanent, with the processor’s code', async () => {
    const unknown = await failure(client.charge(order('ord-d', 'pm_0123456789abcdef01234567')));
    expect(unknown).toMatchObject({
      retryable: false,
      status: 404,
      code: 'payment_method_not_found',
    });
    const pm = await processor.tokenize(testCards.declined);
    const declined = await client.charge(order('ord-e', pm));
    const refund = await failure(client.refund({ orderId: 'ord-e', chargeId: declined.id }));
    expect(refund).toMatchObject({ retryable: false, status: 409 });
    const wrongKey = createCardProcessorClient({ url: processor.url, secretKey: 'sk_wrong' });
    expect(await failure(wrongKey.charge(order('ord-f', pm)))).toMatchObject({
      retryable: false,
      status: 401,
      code: 'unauthorized',
    });
  });

  it('reads the processor failing on its side as retryable, and the retry charges once', async () => {
    const pm = await processor.tokenize(testCards.approved);
    processor.breakDown(pm);
    expect(await failure(client.charge(order('ord-g', pm)))).toMatchObject({
      retryable: true,
      status: 503,
    });
    processor.recover(pm);
    expect(await client.charge(order('ord-g', pm))).toMatchObject({ status: 'approved' });
  });
});
