'use client';

import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { passwordLength, signUpInput } from '@shop/contract/auth';
import { useTRPC } from '~/trpc/client';
import { validate } from '~/lib/field-errors';
import { formValues } from '~/lib/form-values';
import { Field, FormError } from './field';
import { useToast } from './toast';
import { useFormErrors } from './use-form-errors';
import { useHydrated } from './use-hydrated';

export function SignUpForm({ next }: { next: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const errors = useFormErrors();
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onSuccess: (user) => {
        toast(`Welcome, ${user.name}. Your account is ready.`);
        router.push(next);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = validate(signUpInput, formValues(form));
    if (!result.ok) return errors.setInvalid(result.errors, form);
    errors.clear();
    signUp.mutate(result.data, {
      onError: (error) => errors.fromServer(error, form, { CONFLICT: 'email' }),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack form-narrow">
      <FormError message={errors.form} />
      <Field name="name" label="Name" autoComplete="name" required error={errors.fields.name} />
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
        autoComplete="new-password"
        hint={`${passwordLength.min} to ${passwordLength.max} characters, not your email address.`}
        required
        error={errors.fields.password}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={!hydrated || signUp.isPending}
      >
        {signUp.isPending ? 'Signing up…' : 'Sign up'}
      </button>
      <p>
        Already have an account?{' '}
        <Link href={`/login?next=${encodeURIComponent(next)}`}>Log in instead</Link>
      </p>
    </form>
  );
}
