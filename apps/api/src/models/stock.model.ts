import { ShopError } from './errors';
import type { Tx } from '../infrastructure/db/transactions';
import { sumPerProduct, type StockRequest } from '../domain/inventory/stock-requests';

export type { StockRequest };

export interface ReservedLine extends StockRequest {
  name: string;
  unitPrice: number;
  currency: string;
}

/**
 * Takes the units with a conditional decrement, so two checkouts can never sell the same unit;
 * the CHECK (stock >= 0) constraint backs it. Prices come from the catalog row, never the client.
 */
export async function reserveStock(
  tx: Tx,
  requests: readonly StockRequest[],
): Promise<ReservedLine[]> {
  const reserved: ReservedLine[] = [];
  for (const { productId, quantity } of sumPerProduct(requests)) {
    const rows = await tx.$queryRaw<{ name: string; priceAmount: number; currency: string }[]>`
      UPDATE "Product" SET "stock" = "stock" - ${quantity}
      WHERE "id" = ${productId}::uuid AND "stock" >= ${quantity}
      RETURNING "name", "priceAmount", "currency"`;
    const row = rows[0];
    if (!row) throw await insufficientStock(tx, productId);
    reserved.push({
      productId,
      quantity,
      name: row.name,
      unitPrice: row.priceAmount,
      currency: row.currency.trim(),
    });
  }
  return reserved;
}

async function insufficientStock(tx: Tx, productId: string): Promise<ShopError> {
  const product = await tx.product.findUnique({
    where: { id: productId },
    select: { name: true, stock: true },
  });
  if (!product) return new ShopError('CONFLICT', 'A product in your cart is no longer available');
  if (product.stock === 0) return new ShopError('CONFLICT', `${product.name} is sold out`);
  return new ShopError(
    'CONFLICT',
    `Only ${product.stock} of ${product.name} left — please update your cart`,
  );
}

export async function returnStock(tx: Tx, lines: readonly StockRequest[]): Promise<void> {
  for (const { productId, quantity } of sumPerProduct(lines)) {
    await tx.$executeRaw`
      UPDATE "Product" SET "stock" = "stock" + ${quantity} WHERE "id" = ${productId}::uuid`;
  }
}
