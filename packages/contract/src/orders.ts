import { z } from 'zod';
import { text } from './text';

export const orderStatuses = [
  'PENDING_PAYMENT',
  'PAID',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** How long a checkout attempt's idempotency key is, after trimming (IdempotencyKey checks the same). */
export const idempotencyKeyLength = { min: 8, max: 100 } as const;

/** A country is its ISO 3166-1 alpha-2 code, upper-cased (ShippingAddress checks the same). */
export const countryCodeLength = 2;
export const countryCode = new RegExp(`^[A-Z]{${countryCodeLength}}$`);
export const countryCodeMessage = 'Use a two-letter country code, e.g. KR';

const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

/** Luhn checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A card is good through the last day of its expiry month ("MM/YY"). */
export function isExpired(expiry: string, now: Date = new Date()): boolean {
  const [month = 0, year = 0] = expiry.split('/').map(Number);
  const firstDayAfterExpiry = Date.UTC(2000 + year, month, 1);
  return now.getTime() >= firstDayAfterExpiry;
}

export const shippingAddress = z.object({
  fullName: text().trim().min(1, 'Full name is required').max(100),
  address: text().trim().min(1, 'Address is required').max(200),
  city: text().trim().min(1, 'City is required').max(100),
  postalCode: text()
    .trim()
    .min(2, 'Postal code is required')
    .max(12)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Enter a valid postal code'),
  country: text().trim().toUpperCase().regex(countryCode, countryCodeMessage),
});
export type ShippingAddress = z.infer<typeof shippingAddress>;

/** A card's security code, in digits. */
export const cvcLength = { min: 3, max: 4 } as const;

export const payment = z.object({
  cardNumber: text()
    .transform(digitsOnly)
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, 'Card number must be 12 to 19 digits')
        .refine(passesLuhn, 'Card number is not valid'),
    ),
  expiry: text()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'Use MM/YY')
    .refine((expiry) => !isExpired(expiry), 'This card has expired'),
  cvc: text()
    .trim()
    .regex(
      new RegExp(`^\\d{${cvcLength.min},${cvcLength.max}}$`),
      `CVC is ${cvcLength.min} or ${cvcLength.max} digits`,
    ),
});
export type Payment = z.infer<typeof payment>;

export const placeOrderInput = z.object({
  idempotencyKey: text().trim().min(idempotencyKeyLength.min).max(idempotencyKeyLength.max),
  shippingAddress,
  payment,
});
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

export const orderIdInput = z.object({ id: z.uuid('Unknown order') });
export type OrderIdInput = z.infer<typeof orderIdInput>;
