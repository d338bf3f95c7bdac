/**
 * The OpenAPI document's top: title, version and the description that documents the test cards.
 * The paths and schemas come from the routes' zod schemas (see app.ts).
 */
export const openApiConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Card processor (stand-in for an external PSP)',
    version: '1.0.0',
    description: [
      'A small Stripe-like card processor the shop talks to over HTTP. In production this is the',
      "PSP's API (Stripe, Adyen, Toss Payments); here it keeps everything in memory.",
      '',
      'Keys: `Authorization: Bearer <key>`. The publishable key may only create payment methods; the',
      'secret key may do everything.',
      '',
      '| card number | outcome |',
      '| --- | --- |',
      '| `4242 4242 4242 4242` | approved |',
      '| `4000 0000 0000 0002` | declined (`card_declined`) |',
      '| `4000 0000 0000 0077` | approved after `CARD_PROCESSOR_SLOW_MS` (default 6000) ms |',
      '| any other number passing the Luhn check | approved |',
    ].join('\n'),
  },
} as const;
