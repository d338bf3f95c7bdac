export const lowStockThreshold = 5;

export type StockLevel = 'in_stock' | 'low' | 'sold_out';

export function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return 'sold_out';
  return stock <= lowStockThreshold ? 'low' : 'in_stock';
}

/** The words shoppers (and the e2e tests) read: "In stock", "Only 3 left", "Sold out". */
export function stockLabel(stock: number): string {
  switch (stockLevel(stock)) {
    case 'sold_out':
      return 'Sold out';
    case 'low':
      return `Only ${stock} left`;
    case 'in_stock':
      return 'In stock';
  }
}
