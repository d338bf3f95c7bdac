import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { errorMessage, isNetworkError, serverFieldErrors, trpcErrorCode } from './trpc-error';

const refused = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message, code: -32600, data } });

describe('tRPC error helpers', () => {
  it('reads the code and keeps the API message for shoppers', () => {
    const declined = refused('Your card was declined. No money was taken — try another card.', {
      code: 'PAYMENT_REQUIRED',
      httpStatus: 402,
    });
    expect(trpcErrorCode(declined)).toBe('PAYMENT_REQUIRED');
    expect(isNetworkError(declined)).toBe(false);
    expect(errorMessage(declined)).toMatch(/declined/);
  });

  it('maps nested issues from the API message to the innermost field', () => {
    const invalid = refused(
      'shippingAddress.postalCode: Enter a valid postal code; payment.cvc: CVC is 3 or 4 digits',
      {
        code: 'BAD_REQUEST',
        zodError: {
          formErrors: [],
          fieldErrors: { shippingAddress: ['Enter a valid postal code'] },
        },
      },
    );
    expect(serverFieldErrors(invalid)).toEqual({
      postalCode: 'Enter a valid postal code',
      cvc: 'CVC is 3 or 4 digits',
    });
  });

  it('falls back to the flattened zod field errors', () => {
    const invalid = refused('Invalid input', {
      code: 'BAD_REQUEST',
      zodError: { formErrors: [], fieldErrors: { email: ['Enter a valid email address'] } },
    });
    expect(serverFieldErrors(invalid)).toEqual({ email: 'Enter a valid email address' });
  });

  it('keeps the API wording of a throttle refusal, which says how long to wait', () => {
    const throttled = refused('Too many failed log-ins for this email. Try again in 15 minutes.', {
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
    });
    expect(errorMessage(throttled)).toBe(
      'Too many failed log-ins for this email. Try again in 15 minutes.',
    );
  });

  it('treats a failed fetch as a network error', () => {
    expect(isNetworkError(new TypeError('fetch failed'))).toBe(true);
    expect(isNetworkError(TRPCClientError.from(new TypeError('fetch failed')))).toBe(true);
    expect(errorMessage(new TypeError('fetch failed'))).toMatch(/could not reach/);
  });
});
