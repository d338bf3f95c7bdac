/**
 * `POST /v1/payment-methods`: tokenization. The card goes into the vault and the caller gets back an
 * id that is useless without the secret key, plus what a receipt may show (brand, last four, expiry).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { isExpired, passesLuhn } from '@shop/contract/orders';
import { cardBrands } from '../card-brand';
import type { App, ProcessorState } from '../deps';
import { errorResponses } from '../errors';
import { idPattern } from '../ids';

/** Separators a shopper may type between digits; the vault keeps digits only. */
const separators = /[ -]/g;

const paymentMethodInput = z
  .strictObject({
    cardNumber: z
      .string()
      .regex(/^(?:\d[ -]?){11,18}\d$/, {
        message: 'Card number must be 12 to 19 digits',
        abort: true,
      })
      .refine((number) => passesLuhn(number.replace(separators, '')), 'Card number is not valid')
      .openapi({
        description:
          '12 to 19 digits passing the Luhn check; single spaces or dashes may separate them',
        example: '4242 4242 4242 4242',
      }),
    expiry: z
      .string()
      .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, { message: 'Use MM/YY', abort: true })
      .refine((expiry) => !isExpired(expiry), 'This card has expired')
      .openapi({ description: 'MM/YY, not in the past', example: '12/34' }),
    cvc: z
      .string()
      .regex(/^\d{3,4}$/, 'CVC is 3 or 4 digits')
      .openapi({ example: '123' }),
  })
  .openapi('PaymentMethodInput');

const paymentMethod = z
  .object({
    id: z.string().regex(idPattern('pm')).openapi({ example: 'pm_0123456789abcdef01234567' }),
    brand: z.enum(cardBrands),
    last4: z.string().regex(/^\d{4}$/),
    expiry: z.string(),
  })
  .openapi('PaymentMethod');

export const createPaymentMethodRoute = createRoute({
  method: 'post',
  path: '/v1/payment-methods',
  summary: 'Tokenize a card',
  description:
    "Stores the card in the processor's vault and answers a `pm_…` id. Either key may call it.",
  security: [{ bearerAuth: [] }],
  request: {
    body: { required: true, content: { 'application/json': { schema: paymentMethodInput } } },
  },
  responses: {
    201: {
      description: 'The card is stored',
      content: { 'application/json': { schema: paymentMethod } },
    },
    ...errorResponses(400, 401, 413, 415),
  },
});

export function registerPaymentMethods(app: App, { vault }: ProcessorState): void {
  app.openapi(createPaymentMethodRoute, (c) => {
    const { cardNumber, expiry } = c.req.valid('json');
    return c.json(vault.save({ cardNumber: cardNumber.replace(separators, ''), expiry }), 201);
  });
}
