'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, type FormEvent } from 'react';
import { countryCodeLength, cvcLength, placeOrderInput } from '@shop/contract/orders';
import { useTRPC } from '~/trpc/client';
import { afterFailure, attemptFor, failureOutcome, type Attempt } from '~/lib/checkout-attempt';
import { validate } from '~/lib/field-errors';
import { formValues } from '~/lib/form-values';
import { isNetworkError, trpcErrorCode } from '~/lib/trpc-error';
import { Field, FormError } from './field';
import { useToast } from './toast';
import { useFormErrors } from './use-form-errors';
import { useHydrated } from './use-hydrated';

const networkRetries = 1;

export function CheckoutForm({ defaultName }: { defaultName: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const errors = useFormErrors();
  const attempt = useRef<Attempt | null>(null);
  const place = useMutation(
    trpc.orders.place.mutationOptions({
      // Only a request that never got an answer is retried, and with the same key.
      retry: (count, error) => count < networkRetries && isNetworkError(error),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { fullName, address, city, postalCode, country, cardNumber, expiry, cvc } =
      formValues(form);
    const payload = {
      shippingAddress: { fullName, address, city, postalCode, country },
      payment: { cardNumber, expiry, cvc },
    };
    const current = attemptFor(attempt.current, JSON.stringify(payload), () => crypto.randomUUID());
    attempt.current = current;
    const result = validate(placeOrderInput, { ...payload, idempotencyKey: current.key });
    if (!result.ok) return errors.setInvalid(result.errors, form);
    errors.clear();
    place.mutate(result.data, {
      onSuccess: (order) => {
        attempt.current = null;
        // Payment slower than checkout waits: the order page follows it until it settles.
        toast(
          order.status === 'PENDING_PAYMENT'
            ? 'Thank you! Your order is placed; its page shows when payment completes.'
            : 'Thank you! Your order is placed.',
        );
        router.push(`/orders/${order.id}`);
        router.refresh();
      },
      onError: (error) => {
        // No answer, or "still being processed": the next click retries with the same key.
        attempt.current = afterFailure(
          current,
          failureOutcome({ networkError: isNetworkError(error), code: trpcErrorCode(error) }),
        );
        errors.fromServer(error, form);
        if (trpcErrorCode(error) === 'PAYMENT_REQUIRED') router.refresh();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack checkout-form">
      <fieldset>
        <legend>Shipping address</legend>
        <Field
          name="fullName"
          label="Full name"
          autoComplete="name"
          defaultValue={defaultName}
          error={errors.fields.fullName}
        />
        <Field
          name="address"
          label="Address"
          autoComplete="street-address"
          error={errors.fields.address}
        />
        <Field name="city" label="City" autoComplete="address-level2" error={errors.fields.city} />
        <Field
          name="postalCode"
          label="Postal code"
          autoComplete="postal-code"
          error={errors.fields.postalCode}
        />
        <Field
          name="country"
          label="Country"
          autoComplete="country"
          hint="Two-letter code, e.g. KR"
          maxLength={countryCodeLength}
          defaultValue="KR"
          error={errors.fields.country}
        />
      </fieldset>
      <fieldset>
        <legend>Payment</legend>
        <p className="note">
          Simulated: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined, 4000 0000
          0000 0077 is approved slowly.
        </p>
        <Field
          name="cardNumber"
          label="Card number"
          inputMode="numeric"
          autoComplete="cc-number"
          error={errors.fields.cardNumber}
        />
        <div className="field-row">
          <Field
            name="expiry"
            label="Expiry"
            placeholder="MM/YY"
            autoComplete="cc-exp"
            error={errors.fields.expiry}
          />
          <Field
            name="cvc"
            label="CVC"
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={cvcLength.max}
            error={errors.fields.cvc}
          />
        </div>
      </fieldset>
      <FormError message={errors.form} />
      <button
        type="submit"
        className="button button-primary"
        disabled={!hydrated || place.isPending}
      >
        {place.isPending ? 'Placing order…' : 'Place order'}
      </button>
    </form>
  );
}
