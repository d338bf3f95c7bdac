/** A number of units of one product, as a cart or an order asks for them. */
export interface StockRequest {
  productId: string;
  quantity: number;
}

/** One line per product, sorted by id: every transaction touches product rows in the same order. */
export function sumPerProduct(lines: readonly StockRequest[]): StockRequest[] {
  const totals = new Map<string, number>();
  for (const { productId, quantity } of lines) {
    totals.set(productId, (totals.get(productId) ?? 0) + quantity);
  }
  return [...totals]
    .map(([productId, quantity]) => ({ productId, quantity }))
    .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}
