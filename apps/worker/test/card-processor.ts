/**
 * The real card processor (`@shop/card-processor`) started in the test process on a free port, with
 * the helpers the payment tests need: tokenize a test card as the API would (publishable key),
 * make one payment method's charges fail on the processor's side (503) and recover, and count the
 * charges and refunds it made.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { startCardProcessor, testCardDecider, testCards } from '@shop/card-processor/server';

export { testCards };

export async function startTestProcessor(options: { delayMs?: number } = {}) {
  const decide = testCardDecider(0);
  const processor = await startCardProcessor({
    // A charge that takes a moment keeps its transaction open, so "at once" really overlaps.
    decide: async (card, paymentMethodId) => {
      if (options.delayMs) await delay(options.delayMs);
      return decide(card, paymentMethodId);
    },
    closeGraceMs: 1000,
  });
  return {
    url: processor.url,
    secretKey: processor.keys.secret,
    /** A `pm_…` id for `cardNumber`, as `orders.place` gets it. */
    async tokenize(cardNumber: string): Promise<string> {
      const response = await fetch(`${processor.url}/v1/payment-methods`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${processor.keys.publishable}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ cardNumber, expiry: '12/40', cvc: '123' }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 201 || !body.id)
        throw new Error(`tokenize: ${response.status} ${JSON.stringify(body)}`);
      return body.id;
    },
    /** The processor answers 503 for this payment method's charges until `recover`. */
    breakDown(paymentMethodId: string) {
      processor.setDecider(paymentMethodId, () => {
        throw new Error('the acquirer is down');
      });
    },
    recover(paymentMethodId: string) {
      processor.clearDecider(paymentMethodId);
    },
    counts: () => ({ charges: processor.charges().length, refunds: processor.refunds().length }),
    close: () => processor.close(),
  };
}
