/**
 * Units on the shelf. Each function touches product rows in the order it is given them: callers
 * pass one line per product sorted by id, so every transaction locks products in one order.
 */
import type { Tx } from './transactions';

export interface TakenLine {
  productId: string;
  quantity: number;
  name: string;
  unitPrice: number;
  currency: string;
}

/** What the shelf holds of the product that ran short; null when the product is gone. */
export type ShortStock = { name: string; stock: number } | null;

export type TakeResult = { ok: true; lines: TakenLine[] } | { ok: false; short: ShortStock };

/**
 * Takes the units with a conditional decrement, so two checkouts can never sell the same unit;
 * the CHECK (stock >= 0) constraint backs it. Prices come from the catalog row, never the client.
 * On a shortage the units taken so far stay taken: the caller rolls the transaction back.
 */
export async function takeStock(
  tx: Tx,
  requests: readonly { productId: string; quantity: number }[],
): Promise<TakeResult> {
  const lines: TakenLine[] = [];
  for (const { productId, quantity } of requests) {
    const rows = await tx.$queryRaw<{ name: string; priceAmount: number; currency: string }[]>`
      UPDATE "Product" SET "stock" = "stock" - ${quantity}
      WHERE "id" = ${productId}::uuid AND "stock" >= ${quantity}
      RETURNING "name", "priceAmount", "currency"`;
    const row = rows[0];
    if (!row) {
      const short = await tx.product.findUnique({
        where: { id: productId },
        select: { name: true, stock: true },
      });
      return { ok: false, short };
    }
    lines.push({
      productId,
      quantity,
      name: row.name,
      unitPrice: row.priceAmount,
      currency: row.currency.trim(),
    });
  }
  return { ok: true, lines };
}

export async function returnStock(
  tx: Tx,
  lines: readonly { productId: string; quantity: number }[],
): Promise<void> {
  for (const { productId, quantity } of lines) {
    await tx.$executeRaw`
      UPDATE "Product" SET "stock" = "stock" + ${quantity} WHERE "id" = ${productId}::uuid`;
  }
}
