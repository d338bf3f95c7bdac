import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

/** First message per top-level field, from zod issues (ours in the browser, or the API's on the wire). */
export function fieldErrorsFromIssues(
  issues: readonly Pick<z.core.$ZodIssue, 'path' | 'message'>[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: fieldErrorsFromIssues(result.error.issues) };
}
