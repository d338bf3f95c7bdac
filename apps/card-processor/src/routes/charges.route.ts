/**
 * `POST /v1/charges` (secret key): charge a payment method once per idempotency key. The decision
 * comes from the processor's decider (test cards, or a harness's script); a decline is an answer
 * (200, `status: 'declined'`), not an error.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App, ProcessorState } from '../deps';
import { ApiError, errorResponses } from '../errors';
import { idPattern } from '../ids';
import { requireSecretKey } from '../keys';
import type { Charge } from '../ledger';
import { idempotencyHeader, replayedHeader } from './idempotency-header';

const chargeInput = z
  .strictObject({
    paymentMethodId: z
      .string()
      .regex(idPattern('pm'), 'must be a pm_… id from POST /v1/payment-methods')
      .openapi({ example: 'pm_0123456789abcdef01234567' }),
    amount: z
      .number()
      .int()
      .positive()
      .openapi({ description: 'Integer minor units (cents, won), more than 0', example: 12900 }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as KRW')
      .openapi({ example: 'KRW' }),
    metadata: z
      .record(
        z.string().regex(/^[A-Za-z0-9_.:-]{1,40}$/, 'keys are 1 to 40 of A-Z a-z 0-9 _ . : -'),
        z
          .string()
          .max(500)
          .refine((value) => !value.includes('\u0000'), 'must not contain NUL')
          .openapi({ description: 'At most 500 characters, no NUL' }),
      )
      .refine((metadata) => Object.keys(metadata).length <= 50, 'holds at most 50 keys')
      .optional()
      .openapi({
        description:
          'Up to 50 strings kept with the charge (keys: 1 to 40 of A-Z a-z 0-9 _ . : -), e.g. the order id',
      }),
  })
  .openapi('ChargeInput');

const chargeOutput = z
  .object({
    id: z.string().regex(idPattern('ch')).openapi({ example: 'ch_0123456789abcdef01234567' }),
    status: z.enum(['approved', 'declined']),
    amount: z.number().int(),
    currency: z.string(),
    last4: z.string(),
    declineCode: z.literal('card_declined').optional(),
    declineMessage: z.string().optional(),
  })
  .openapi('Charge');
type ChargeOutput = z.infer<typeof chargeOutput>;

export const createChargeRoute = createRoute({
  method: 'post',
  path: '/v1/charges',
  summary: 'Charge a payment method',
  description:
    'Needs the secret key and an `Idempotency-Key`. The test cards decide the outcome (see the description above).',
  security: [{ bearerAuth: [] }],
  middleware: [requireSecretKey] as const,
  request: {
    headers: idempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: chargeInput } } },
  },
  responses: {
    200: {
      description: 'The charge, approved or declined',
      headers: replayedHeader,
      content: { 'application/json': { schema: chargeOutput } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 503),
  },
});

export function registerCharges(app: App, state: ProcessorState): void {
  app.openapi(createChargeRoute, async (c) => {
    const input = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const { value, replayed } = await state.idempotency.once(key, { charge: input }, () =>
      charge(state, input),
    );
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(value, 200);
  });
}

async function charge(
  { vault, ledger, decide }: ProcessorState,
  input: z.infer<typeof chargeInput>,
): Promise<ChargeOutput> {
  const card = vault.find(input.paymentMethodId);
  if (!card) {
    throw new ApiError(
      404,
      'payment_method_not_found',
      `No payment method ${input.paymentMethodId}`,
    );
  }
  const decision = await decide(card.cardNumber, card.id).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(503, 'processor_unavailable', `The charge could not be decided: ${reason}`);
  });
  return present(
    ledger.recordCharge({
      paymentMethodId: card.id,
      status: decision.outcome === 'APPROVED' ? 'approved' : 'declined',
      amount: input.amount,
      currency: input.currency,
      last4: decision.cardLast4,
      metadata: input.metadata ?? {},
    }),
  );
}

function present(charge: Charge): ChargeOutput {
  const answer = {
    id: charge.id,
    status: charge.status,
    amount: charge.amount,
    currency: charge.currency,
    last4: charge.last4,
  };
  if (charge.status === 'approved') return answer;
  return { ...answer, declineCode: 'card_declined', declineMessage: 'Your card was declined.' };
}
