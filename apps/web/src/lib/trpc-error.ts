import { TRPCClientError } from '@trpc/client';
import { fieldErrorsFromIssues, type FieldErrors } from './field-errors';

type Issue = { path: (string | number)[]; message: string };

const isIssueList = (value: unknown): value is Issue[] =>
  Array.isArray(value) &&
  value.every((i) => typeof i === 'object' && i !== null && 'message' in i && Array.isArray((i as Issue).path));

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
  return error instanceof TypeError || (error instanceof TRPCClientError && errorData(error) === null);
}

/**
 * The API's zod issues for a refused input, per field. Accepts a formatter's `data.zodError.fieldErrors`,
 * a `data.issues` list, or tRPC's default (the issues serialised as JSON in the message).
 */
export function serverFieldErrors(error: unknown): FieldErrors | null {
  const data = errorData(error);
  if (!data || data.code !== 'BAD_REQUEST') return null;
  const zodError = data.zodError as { fieldErrors?: Record<string, string[] | undefined> } | null | undefined;
  if (zodError?.fieldErrors) {
    const errors: FieldErrors = {};
    for (const [field, messages] of Object.entries(zodError.fieldErrors)) errors[field] = messages?.[0];
    return errors;
  }
  if (isIssueList(data.issues)) return fieldErrorsFromIssues(data.issues);
  try {
    const parsed: unknown = JSON.parse((error as Error).message);
    if (isIssueList(parsed)) return fieldErrorsFromIssues(parsed);
  } catch {
    // not JSON: a plain message
  }
  return null;
}

/** A sentence fit to show a shopper. */
export function errorMessage(error: unknown): string {
  if (isNetworkError(error)) return 'We could not reach the shop. Check your connection and try again.';
  if (trpcErrorCode(error) === 'INTERNAL_SERVER_ERROR') return 'Something went wrong on our side. Please try again.';
  if (trpcErrorCode(error) === 'TOO_MANY_REQUESTS') return 'Too many attempts. Please wait a moment and try again.';
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}
