'use client';

import { useState } from 'react';
import type { FieldErrors } from '~/lib/field-errors';
import { errorMessage, serverFieldErrors } from '~/lib/trpc-error';

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
    setInvalid: (errors: FieldErrors) => {
      setFields(errors);
      setForm(errors.form ?? 'Please correct the highlighted fields.');
    },
    fromServer: (error: unknown) => {
      const issues = serverFieldErrors(error);
      setFields(issues ?? {});
      setForm(errorMessage(error));
    },
  };
}
