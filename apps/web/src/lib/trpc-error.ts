import { TRPCClientError } from '@trpc/client';
import { fieldErrorsFromIssues, type FieldErrors } from './field-errors';

type Issue = { path: (string | number)[]; message: string };

const isIssueList = (value: unknown): value is Issue[] =>
  Array.isArray(value) &&
  value.every(
    (i) =>
      typeof i === 'object' && i !== null && 'message' in i && Array.isArray((i as Issue).path),
  );

function errorData(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}

/** The tRPC error code (`NOT_FOUND`, `UNAUTHORIZED`, …) or null when the request never got an answer. */
export function trpcErrorCode(error: unknown): string | null {
  const code = errorData(error)?.code;
  return typeof code === 'string' ? code : null;
}

/** No tRPC answer at all: the connection failed, so the same attempt may be retried. */
export function isNetworkError(error: unknown): boolean {
  return (
    error instanceof TypeError || (error instanceof TRPCClientError && errorData(error) === null)
  );
}

/** "shippingAddress.city: City is required; payment.cvc: CVC is 3 or 4 digits" → issues with paths. */
function issuesFromMessage(message: string): Issue[] {
  return message
    .split('; ')
    .map((part) => /^([\w.]+): (.+)$/.exec(part))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, path = '', text = '']) => ({ path: path.split('.'), message: text }));
}

/**
 * The API's zod issues for a refused input, keyed by the innermost field name (what our inputs are
 * called). Reads, in order: a `data.issues` list; tRPC's default (issues serialised as JSON in the
 * message); the API's "path: message; …" message; its flattened `data.zodError.fieldErrors`, which
 * only knows top-level keys.
 */
export function serverFieldErrors(error: unknown): FieldErrors | null {
  const data = errorData(error);
  if (!data || data.code !== 'BAD_REQUEST') return null;
  if (isIssueList(data.issues)) return fieldErrorsFromIssues(data.issues);
  const message = (error as Error).message;
  try {
    const parsed: unknown = JSON.parse(message);
    if (isIssueList(parsed)) return fieldErrorsFromIssues(parsed);
  } catch {
    // not JSON: a plain message
  }
  const fromMessage = issuesFromMessage(message);
  if (fromMessage.length > 0) return fieldErrorsFromIssues(fromMessage);
  const zodError = data.zodError as
    { fieldErrors?: Record<string, string[] | undefined> } | null | undefined;
  if (!zodError?.fieldErrors) return null;
  const errors: FieldErrors = {};
  for (const [field, messages] of Object.entries(zodError.fieldErrors))
    errors[field] = messages?.[0];
  return errors;
}

/** A sentence fit to show a shopper. */
export function errorMessage(error: unknown): string {
  if (isNetworkError(error))
    return 'We could not reach the shop. Check your connection and try again.';
  if (trpcErrorCode(error) === 'INTERNAL_SERVER_ERROR')
    return 'Something went wrong on our side. Please try again.';
  // The API's own refusal says how long to wait ("Try again in 15 minutes"); keep it when present.
  if (trpcErrorCode(error) === 'TOO_MANY_REQUESTS')
    return error instanceof Error && error.message
      ? error.message
      : 'Too many attempts. Please wait a moment and try again.';
  return error instanceof Error && error.message
    ? error.message
    : 'Something went wrong. Please try again.';
}
