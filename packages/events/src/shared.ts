/** Field schemas the events share: ids, money in minor units, instants. */
import { z } from 'zod';

export const id = z.string().min(1).max(100);
/** Integer minor units (₩ has none, so 12,900 won is 12900). */
export const amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 code of the currency `amount` is in, e.g. `KRW`.');
export const instant = z.iso.datetime({ offset: true });
export const last4 = z
  .string()
  .regex(/^\d{4}$/)
  .describe('The last four digits of the card, as the card processor reported them.');
/** A person's name or an e-mail address as the order recorded it. */
export const text = z.string().min(1).max(320);
