'use client';

import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { logInInput } from '@shop/contract/auth';
import { useTRPC } from '~/trpc/client';
import { validate } from '~/lib/field-errors';
import { formValues } from '~/lib/form-values';
import { Field, FormError } from './field';
import { useToast } from './toast';
import { useFormErrors } from './use-form-errors';
import { useHydrated } from './use-hydrated';

export function LogInForm({ next }: { next: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const errors = useFormErrors();
  const logIn = useMutation(
    trpc.auth.logIn.mutationOptions({
      onSuccess: (user) => {
        toast(`Welcome back, ${user.name}.`);
        router.push(next);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = validate(logInInput, formValues(form));
    if (!result.ok) return errors.setInvalid(result.errors, form);
    errors.clear();
    logIn.mutate(result.data, { onError: (error) => errors.fromServer(error, form) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack form-narrow">
      <FormError message={errors.form} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        error={errors.fields.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.fields.password}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={!hydrated || logIn.isPending}
      >
        {logIn.isPending ? 'Logging in…' : 'Log in'}
      </button>
      <p>
        New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}
