/**
 * A card's brand from its leading digits (the issuer identification number ranges the networks
 * publish), as a PSP reports it back with the token so the shop can show "Visa ending 4242".
 */
export const cardBrands = [
  'visa',
  'mastercard',
  'amex',
  'discover',
  'diners',
  'jcb',
  'unionpay',
  'unknown',
] as const;
export type CardBrand = (typeof cardBrands)[number];

const prefixes: [CardBrand, RegExp][] = [
  ['amex', /^3[47]/],
  ['diners', /^3(0[0-5]|[689])/],
  ['jcb', /^35(2[89]|[3-8])/],
  ['mastercard', /^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/],
  ['discover', /^(6011|64[4-9]|65)/],
  ['unionpay', /^62/],
  ['visa', /^4/],
];

/** The brand of a card number given as digits only. */
export function cardBrand(digits: string): CardBrand {
  return prefixes.find(([, prefix]) => prefix.test(digits))?.[0] ?? 'unknown';
}
