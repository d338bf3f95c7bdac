/** The `Idempotency-Key` request header that every money-moving route requires. */
import { z } from '@hono/zod-openapi';

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string({ error: 'Send an Idempotency-Key header (for example charge:<orderId>)' })
    .regex(/^[\x21-\x7E]{1,255}$/, 'Idempotency-Key must be 1 to 255 visible ASCII characters')
    .openapi({
      description:
        'The same key with the same body answers the first answer again without moving money twice; with another body it is refused (409)',
      example: 'charge:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
    }),
});

/** Set on an answer that repeats the remembered answer of an earlier request with the same key. */
export const replayedHeader = {
  'Idempotent-Replayed': {
    description:
      '`true` when this is the remembered answer of an earlier request with the same key',
    schema: { type: 'string' as const, enum: ['true'] },
  },
};
