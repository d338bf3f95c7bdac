import { lineMaxQuantity } from '@shop/domain/shopping/quantity';
import type { CartContentsLine } from '../../application/shopping/deps';
import { money, productView } from './product.presenter';

const defaultCurrency = 'KRW';

export function cartView(lines: CartContentsLine[]) {
  const items = lines.map(({ product, quantity }) => ({
    product: productView(product),
    quantity,
    // What the web lets the shopper set the line to; below `quantity` when the stock fell.
    maxQuantity: lineMaxQuantity(product.stock),
    lineTotal: money(product.price.amount * quantity, product.price.currency),
  }));
  const currency = items[0]?.product.price.currency ?? defaultCurrency;
  return {
    items,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: money(
      items.reduce((sum, item) => sum + item.lineTotal.amount, 0),
      currency,
    ),
  };
}

export type CartView = ReturnType<typeof cartView>;
