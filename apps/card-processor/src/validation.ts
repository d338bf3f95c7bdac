/**
 * What a request that fails its schema is told: 400 with every problem, each named by its field.
 * When the only problems are the card's own (a number failing Luhn, an expired card, a short CVC) the
 * code is `invalid_card`, which a shop shows the shopper; anything else is `invalid_request`, a bug in
 * the caller. Messages name fields and rules, never echo a value.
 */
import type { z } from '@hono/zod-openapi';
import { ApiError } from './errors';

/** The fields of `POST /v1/payment-methods` that describe the card itself. */
const cardFields: readonly PropertyKey[] = ['cardNumber', 'expiry', 'cvc'];

/** Issues about a card field's content; a missing field or a wrong type is the caller's mistake. */
const isCardIssue = (issue: z.core.$ZodIssue) =>
  cardFields.includes(issue.path[0] ?? '') && issue.code !== 'invalid_type';

export function validationError(error: z.ZodError, target: string): ApiError {
  const problems = error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (target === 'header') return issue.message;
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const code =
    target === 'json' && error.issues.every(isCardIssue) ? 'invalid_card' : 'invalid_request';
  return new ApiError(400, code, problems.join('; '));
}
