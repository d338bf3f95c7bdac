import { InvalidRequest, MixedCurrencies } from '@shop/domain/shared/errors';

/** Money columns are Int: the largest amount, in minor units, one order (and its charge) can hold. */
export const maxMoneyAmount = 2_147_483_647;

/** A line as the catalog priced it when its units were taken. */
export interface PricedLine {
  productId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  currency: string;
}

export interface OrderTotals {
  lines: (Omit<PricedLine, 'currency'> & { lineTotal: number })[];
  totalAmount: number;
  currency: string;
}

/** Line totals and the order total, in the one currency every line shares. */
export function orderTotals(lines: readonly PricedLine[]): OrderTotals {
  const currency = lines[0]?.currency ?? 'KRW';
  if (lines.some((line) => line.currency !== currency)) throw new MixedCurrencies();
  const priced = lines.map(({ currency: _currency, ...line }) => ({
    ...line,
    lineTotal: line.unitPrice * line.quantity,
  }));
  const totalAmount = priced.reduce((sum, line) => sum + line.lineTotal, 0);
  // Each line total is at most the order total, so one check covers every money column.
  if (totalAmount > maxMoneyAmount) {
    throw new InvalidRequest(
      'This order comes to more than one payment can hold. Please remove some items or split it into smaller orders.',
    );
  }
  return { lines: priced, totalAmount, currency };
}
