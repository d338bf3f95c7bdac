'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePasswordInput, passwordLength } from '@shop/contract/auth';
import { useTRPC } from '~/trpc/client';
import { validate } from '~/lib/field-errors';
import { formValues } from '~/lib/form-values';
import { Field, FormError } from './field';
import { useFormErrors } from './use-form-errors';
import { useHydrated } from './use-hydrated';

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const errors = useFormErrors();
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => setDone(true),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const form = event.currentTarget;
    const result = validate(changePasswordInput, formValues(form));
    if (!result.ok) return errors.setInvalid(result.errors, form);
    errors.clear();
    change.mutate(result.data, {
      onSuccess: () => form.reset(),
      onError: (error) => errors.fromServer(error, form, { BAD_REQUEST: 'currentPassword' }),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack form-narrow">
      <FormError message={errors.form} />
      <p role="status" className={done ? 'form-success' : 'visually-hidden'}>
        {done ? 'Password changed. You were logged out everywhere else.' : ''}
      </p>
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.fields.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${passwordLength.min} to ${passwordLength.max} characters, different from the current one.`}
        required
        error={errors.fields.newPassword}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={!hydrated || change.isPending}
      >
        Change password
      </button>
    </form>
  );
}
