/**
 * The one table from errors by meaning (raised below presentation) to tRPC codes. A new kind of
 * refusal gets a row here and nowhere else; anything not in the table is a 500 whose cause is
 * logged and never shown.
 */
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import {
  CardDeclined,
  CheckoutConflict,
  CheckoutInProgress,
  CheckoutStillProcessing,
  DomainError,
  EmailAlreadyRegistered,
  GuestCartMerged,
  InvalidCredentials,
  InvalidRequest,
  MixedCurrencies,
  OrderNotFound,
  OutOfStock,
  PaymentUnavailable,
  ProductNotFound,
  TooManyAttempts,
  TransitionNotAllowed,
  WrongCurrentPassword,
} from '@shop/domain/shared/errors';

type ErrorClass = abstract new (...args: never[]) => DomainError;

const codes: [ErrorClass, TRPC_ERROR_CODE_KEY][] = [
  [InvalidRequest, 'BAD_REQUEST'],
  // Not UNAUTHORIZED: the shopper is logged in, so the web must not treat it as a lost session.
  [WrongCurrentPassword, 'BAD_REQUEST'],
  [InvalidCredentials, 'UNAUTHORIZED'],
  [ProductNotFound, 'NOT_FOUND'],
  [OrderNotFound, 'NOT_FOUND'],
  [EmailAlreadyRegistered, 'CONFLICT'],
  [OutOfStock, 'CONFLICT'],
  [MixedCurrencies, 'CONFLICT'],
  [TransitionNotAllowed, 'CONFLICT'],
  [CheckoutConflict, 'CONFLICT'],
  [CheckoutInProgress, 'CONFLICT'],
  [GuestCartMerged, 'CONFLICT'],
  [CardDeclined, 'PAYMENT_REQUIRED'],
  [PaymentUnavailable, 'SERVICE_UNAVAILABLE'],
  [CheckoutStillProcessing, 'TIMEOUT'],
  [TooManyAttempts, 'TOO_MANY_REQUESTS'],
];

export function trpcCodeFor(error: DomainError): TRPC_ERROR_CODE_KEY {
  return codes.find(([kind]) => error instanceof kind)?.[1] ?? 'INTERNAL_SERVER_ERROR';
}

/** A domain refusal as the TRPCError the client sees; other errors pass through untouched. */
export function toTrpcError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new TRPCError({ code: trpcCodeFor(error), message: error.message, cause: error });
}

/** Seconds a client should wait before retrying, for the Retry-After header (0: no header). */
export function retryAfterSeconds(error: unknown): number {
  return error instanceof TooManyAttempts ? error.retryAfterSeconds : 0;
}
