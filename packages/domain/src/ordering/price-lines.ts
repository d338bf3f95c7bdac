import { InvalidRequest, ProductNotFound } from '../shared/errors';
import type { Money } from '../shared/money';
import type { PricedOrderLine } from './order';

/** What a shopper asks for: products and quantities, never prices (rule 2). */
export interface CartLine {
  productId: string;
  quantity: number;
}

/** The catalog's price and name of a product at this moment. */
export interface CatalogPrice {
  productId: string;
  name: string;
  price: Money;
}

/**
 * Rule 2 — the server prices everything: each cart line takes the catalog's current price and
 * name, which the order then freezes (rule 4). A product the catalog no longer has is refused.
 */
export function priceLines(
  cart: readonly CartLine[],
  catalog: readonly CatalogPrice[],
): PricedOrderLine[] {
  if (cart.length === 0) throw new InvalidRequest('Your cart is empty');
  const byId = new Map(catalog.map((entry) => [entry.productId, entry]));
  return cart.map((line) => {
    const entry = byId.get(line.productId);
    if (!entry) throw new ProductNotFound();
    return {
      productId: line.productId,
      name: entry.name,
      unitPrice: entry.price,
      quantity: line.quantity,
    };
  });
}
