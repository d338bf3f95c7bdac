'use client';

import { useState } from 'react';
import type { FieldErrors } from '~/lib/field-errors';
import { errorMessage, serverFieldErrors, trpcErrorCode } from '~/lib/trpc-error';

/** Moves keyboard and screen-reader focus to the first field that needs fixing. */
function focusFirstInvalid(form: HTMLFormElement | undefined, errors: FieldErrors) {
  if (!form) return;
  const field = Array.from(form.elements).find(
    (element): element is HTMLInputElement =>
      element instanceof HTMLInputElement && errors[element.name] !== undefined,
  );
  field?.focus();
}

/** Field errors plus one form-level message, fed by browser validation or by the API's refusal. */
export function useFormErrors() {
  const [fields, setFields] = useState<FieldErrors>({});
  const [form, setForm] = useState<string | undefined>();
  return {
    fields,
    form,
    clear: () => {
      setFields({});
      setForm(undefined);
    },
    setInvalid: (errors: FieldErrors, element?: HTMLFormElement) => {
      setFields(errors);
      setForm(errors.form ?? 'Please correct the highlighted fields.');
      focusFirstInvalid(element, errors);
    },
    /** `fieldFor` pins a refusal without zod issues to a field, e.g. `{ CONFLICT: 'email' }`. */
    fromServer: (
      error: unknown,
      element?: HTMLFormElement,
      fieldFor: Partial<Record<string, string>> = {},
    ) => {
      const code = trpcErrorCode(error);
      const field = code ? fieldFor[code] : undefined;
      const issues = serverFieldErrors(error) ?? (field ? { [field]: errorMessage(error) } : {});
      setFields(issues);
      setForm(errorMessage(error));
      focusFirstInvalid(element, issues);
    },
  };
}
