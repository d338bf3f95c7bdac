/**
 * The card processor's tokenization, from the API's side: the card goes straight from checkout to
 * the processor (`POST /v1/payment-methods` with the publishable key, which can do nothing else)
 * and only the payment method's id and last four digits come back. The card number never enters
 * an event, a job, a log line or this service's database; the payment service charges the id with
 * its secret key. See apps/card-processor/README.md.
 */
import { InvalidRequest, PaymentUnavailable } from '@shop/domain/shared/errors';

export interface CardDetails {
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export interface PaymentMethod {
  id: string;
  last4: string;
}

export interface CardProcessorOptions {
  url: string;
  publishableKey: string;
  timeoutMs?: number;
}

export function createPaymentMethods({ url, publishableKey, timeoutMs = 5_000 }: CardProcessorOptions) {
  const endpoint = new URL('/v1/payment-methods', url);
  return {
    async register(card: CardDetails): Promise<PaymentMethod> {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${publishableKey}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            cardNumber: card.cardNumber.replace(/\D/g, ''),
            expiry: card.expiry,
            cvc: card.cvc,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new PaymentUnavailable(
          `the card processor at ${endpoint.origin} did not answer: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const body = (await response.json().catch(() => null)) as {
        id?: string;
        last4?: string;
        error?: { message?: string };
      } | null;
      if (response.status === 201 && body?.id && body.last4) return { id: body.id, last4: body.last4 };
      // The processor refuses a card the shopper can correct (number, expiry, CVC): say why.
      if (response.status === 400)
        throw new InvalidRequest(body?.error?.message ?? 'The card processor refused this card');
      throw new PaymentUnavailable(
        `the card processor answered ${response.status}: ${body?.error?.message ?? ''}`,
      );
    },
  };
}

export type PaymentMethods = ReturnType<typeof createPaymentMethods>;
