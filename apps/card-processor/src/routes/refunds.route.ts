/** `POST /v1/refunds` (secret key): refund an approved charge in full, once. */
import { createRoute, z } from '@hono/zod-openapi';
import type { App, ProcessorState } from '../deps';
import { errorResponses } from '../errors';
import { idPattern } from '../ids';
import { requireSecretKey } from '../keys';
import { idempotencyHeader, replayedHeader } from './idempotency-header';

const refundInput = z
  .strictObject({
    chargeId: z
      .string()
      .regex(idPattern('ch'), 'must be a ch_… id from POST /v1/charges')
      .openapi({ example: 'ch_0123456789abcdef01234567' }),
  })
  .openapi('RefundInput');

const refundOutput = z
  .object({
    id: z.string().regex(idPattern('re')).openapi({ example: 're_0123456789abcdef01234567' }),
    chargeId: z.string(),
    amount: z.number().int(),
    status: z.literal('succeeded'),
  })
  .openapi('Refund');

export const createRefundRoute = createRoute({
  method: 'post',
  path: '/v1/refunds',
  summary: 'Refund a charge',
  description:
    'Needs the secret key and an `Idempotency-Key`. Refunds the whole amount of an approved charge; a declined charge (409 `charge_not_refundable`) or one already refunded under another key (409 `already_refunded`) is refused.',
  security: [{ bearerAuth: [] }],
  middleware: [requireSecretKey] as const,
  request: {
    headers: idempotencyHeader,
    body: { required: true, content: { 'application/json': { schema: refundInput } } },
  },
  responses: {
    200: {
      description: 'The refund',
      headers: replayedHeader,
      content: { 'application/json': { schema: refundOutput } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

export function registerRefunds(app: App, { idempotency, ledger }: ProcessorState): void {
  app.openapi(createRefundRoute, async (c) => {
    const { chargeId } = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const { value, replayed } = await idempotency.once(key, { refund: { chargeId } }, () => {
      const { id, amount, status } = ledger.refund(chargeId);
      return Promise.resolve({ id, chargeId, amount, status });
    });
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(value, 200);
  });
}
