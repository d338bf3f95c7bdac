import { maxLineQuantity } from '@shop/contract/cart';
import type { CartLineRecord } from '../../models/cart.model';
import { money, productView } from './product.presenter';

const defaultCurrency = 'KRW';

export function cartView(lines: CartLineRecord[]) {
  const items = lines.map(({ product, quantity }) => ({
    product: productView(product),
    quantity,
    // The most this line may be set to now: the stock on hand, at most `maxLineQuantity`.
    // Below `quantity` when the stock fell after the line was added.
    maxQuantity: Math.max(0, Math.min(product.stock, maxLineQuantity)),
    lineTotal: money(product.priceAmount * quantity, product.currency),
  }));
  const currency = items[0]?.product.price.currency ?? defaultCurrency;
  return {
    items,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    subtotal: money(
      items.reduce((sum, item) => sum + item.lineTotal.amount, 0),
      currency,
    ),
  };
}

export type CartView = ReturnType<typeof cartView>;
