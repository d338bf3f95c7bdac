/** Money on the wire: integer minor units plus an ISO 4217 currency code. */
export interface Money {
  amount: number;
  currency: string;
}

const fractionDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** Formats minor units for display, e.g. { amount: 12900, currency: 'KRW' } → "₩12,900". */
export function formatMoney(money: Money, locale = 'ko-KR'): string {
  const major = money.amount / 10 ** fractionDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    major,
  );
}
