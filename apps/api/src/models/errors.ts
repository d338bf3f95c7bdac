/**
 * What a model can refuse. `trpc.ts` maps these to TRPCErrors in one place, so models stay free of
 * transport types.
 */
export type ShopErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYMENT_REQUIRED'
  | 'TIMEOUT'
  | 'TOO_MANY_REQUESTS';

export class ShopError extends Error {
  constructor(
    readonly code: ShopErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ShopError';
  }
}

export const invalidCredentials = () => new ShopError('UNAUTHORIZED', 'Invalid email or password');
export const soldOut = () => new ShopError('CONFLICT', 'Sold out');
export const cardDeclined = () =>
  new ShopError(
    'PAYMENT_REQUIRED',
    'Your card was declined. No money was taken — try another card.',
  );
/** A retryable answer: the first attempt with this key has not settled yet. Keep the key. */
export const checkoutStillProcessing = () =>
  new ShopError(
    'TIMEOUT',
    'This checkout is still being processed. Try again in a moment — you will not be charged twice.',
  );
