/**
 * The domain's StockRepository over Prisma: product rows ⇄ `StockItem`. Rows are locked FOR
 * UPDATE in id order, so every transaction takes product locks in one order and never deadlocks;
 * `save` writes the new counts under those locks (the CHECK (stock >= 0) constraint backs rule 3).
 */
import { StockItem } from '@shop/domain/inventory/stock-item';
import type { StockRepository } from '@shop/domain/inventory/stock-repository';
import type { Db } from './transactions';
import { enlist, prismaTx } from './unit-of-work';

export function createStockRepository(db: Db): StockRepository {
  return {
    async findForUpdate(tx, productIds) {
      if (productIds.length === 0) return [];
      const ids = [...new Set(productIds)].sort();
      const client = prismaTx(db, tx);
      const rows = await client.$queryRaw<{ id: string; name: string; stock: number }[]>`
        SELECT "id", "name", "stock" FROM "Product"
        WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
      return rows.map((row) =>
        StockItem.rehydrate({ productId: row.id, name: row.name, onHand: row.stock }),
      );
    },

    async save(tx, items) {
      enlist(tx, ...items);
      const client = prismaTx(db, tx);
      const sorted = [...items].sort((a, b) => (a.productId < b.productId ? -1 : 1));
      for (const item of sorted) {
        await client.$executeRaw`
          UPDATE "Product" SET "stock" = ${item.onHand} WHERE "id" = ${item.productId}::uuid`;
      }
    },
  };
}
