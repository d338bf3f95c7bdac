import { itemCount, lineMaxQuantity, lineTotal, subtotal } from '../../domain/shopping/cart-rules';
import type { CartLineRow } from '../../infrastructure/db/cart.repository';
import { toProduct } from '../../infrastructure/db/product.repository';
import { money, productView } from './product.presenter';

const defaultCurrency = 'KRW';

export function cartView(lines: CartLineRow[]) {
  const items = lines.map((line) => ({
    product: productView(toProduct(line.product)),
    quantity: line.quantity,
    // What the web lets the shopper set the line to; below `quantity` when the stock fell.
    maxQuantity: lineMaxQuantity(line.product.stock),
    lineTotal: money(lineTotal(line), line.product.currency),
  }));
  const currency = items[0]?.product.price.currency ?? defaultCurrency;
  return { items, itemCount: itemCount(lines), subtotal: money(subtotal(lines), currency) };
}

export type CartView = ReturnType<typeof cartView>;
