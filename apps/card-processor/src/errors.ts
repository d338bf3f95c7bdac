/**
 * The processor's error vocabulary: every refusal is `{ error: { code, message } }` with a 4xx status
 * (503 when a scripted decider fails), never a stack trace. Handlers throw `ApiError`; the app's
 * error handler turns it into the answer, and the OpenAPI document lists the same schema.
 */
import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const errorCodes = [
  'invalid_request',
  'invalid_card',
  'unauthorized',
  'forbidden',
  'not_found',
  'payment_method_not_found',
  'charge_not_found',
  'idempotency_key_reused',
  'charge_not_refundable',
  'already_refunded',
  'payload_too_large',
  'unsupported_media_type',
  'processor_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().openapi({ example: 'Card number is not valid' }),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorBody>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

const errorDescriptions = {
  400: 'The request is malformed (`invalid_request`) or the card is not valid (`invalid_card`)',
  401: 'No key, or a key this processor does not know (`unauthorized`)',
  403: 'A publishable key on a route that needs the secret key (`forbidden`)',
  404: 'The payment method or charge does not exist',
  409: 'The idempotency key was used with another body, or the charge cannot be refunded',
  413: 'The body is larger than the processor accepts (`payload_too_large`)',
  415: 'The body is not sent as `application/json` (`unsupported_media_type`)',
  503: 'The processor could not decide the charge; nothing was charged and the key may be retried',
} as const;

interface ErrorResponse {
  description: string;
  content: { 'application/json': { schema: typeof errorBody } };
}

/** The error answers a route can give, for its `responses` in `createRoute`. */
export function errorResponses<S extends keyof typeof errorDescriptions>(
  ...statuses: S[]
): Record<S, ErrorResponse> {
  const responses = {} as Record<S, ErrorResponse>;
  for (const status of statuses) {
    responses[status] = {
      description: errorDescriptions[status],
      content: { 'application/json': { schema: errorBody } },
    };
  }
  return responses;
}
