/**
 * Carts and their lines. Changes go through `createCartRepository`, which holds the cart's row
 * lock, so simultaneous adds and log-ins neither lose nor double a quantity (see the concurrency
 * tests). Checkout reads the cart and empties it after payment through the same repository.
 */
import { randomUUID } from 'node:crypto';
import { Cart, type CartOwner } from '@shop/domain/shopping/cart';
import type { CartRepository } from '@shop/domain/shopping/cart-repository';
import { GuestCartMerged } from '@shop/domain/shared/errors';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import type { Db, Tx } from './transactions';
import { enlist, prismaTx } from './unit-of-work';

export type { CartOwner };

const cartWhere = (owner: CartOwner) =>
  'userId' in owner ? { userId: owner.userId } : { guestTokenHash: owner.guestTokenHash };

/**
 * Carts over Prisma. A change loads the cart under a row lock on its `Cart` row (SELECT … FOR
 * UPDATE), so simultaneous adds, changes and guest merges on one cart serialize: each sees the
 * lines the one before it saved, and none is lost or counted twice.
 */
export function createCartRepository(db: Db): CartRepository {
  async function lockedCartId(client: Db | Tx, owner: CartOwner): Promise<string | null> {
    const rows =
      'userId' in owner
        ? await client.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Cart" WHERE "userId" = ${owner.userId}::uuid FOR UPDATE`
        : await client.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Cart" WHERE "guestTokenHash" = ${owner.guestTokenHash} FOR UPDATE`;
    return rows[0]?.id ?? null;
  }

  async function load(client: Db | Tx, id: string, owner: CartOwner): Promise<Cart> {
    const lines = await client.cartItem.findMany({
      where: { cartId: id },
      orderBy: [{ addedAt: 'asc' }, { productId: 'asc' }],
      select: { productId: true, quantity: true },
    });
    return Cart.rehydrate({ id, owner, lines });
  }

  async function findForUpdate(tx: DomainTx, owner: CartOwner): Promise<Cart | null> {
    const client = prismaTx(db, tx);
    const id = await lockedCartId(client, owner);
    return id ? load(client, id, owner) : null;
  }

  async function findOrOpenForUpdate(tx: DomainTx, owner: CartOwner): Promise<Cart> {
    const client = prismaTx(db, tx);
    // A racing creator makes the insert wait, then do nothing; the lock below then finds its row.
    if ('userId' in owner) {
      await client.$executeRaw`
        INSERT INTO "Cart" ("id", "userId", "updatedAt")
        VALUES (${randomUUID()}::uuid, ${owner.userId}::uuid, now())
        ON CONFLICT DO NOTHING`;
    } else {
      await client.$executeRaw`
        INSERT INTO "Cart" ("id", "guestTokenHash", "updatedAt")
        VALUES (${randomUUID()}::uuid, ${owner.guestTokenHash}, now())
        ON CONFLICT DO NOTHING`;
    }
    const cart = await findForUpdate(tx, owner);
    // The row was there for the insert and gone by the lock: a log-in merged (deleted) it.
    if (!cart && 'guestTokenHash' in owner) throw new GuestCartMerged();
    if (!cart) throw new Error('The cart just created could not be locked');
    return cart;
  }

  return {
    async findByOwner(tx, owner) {
      const client = prismaTx(db, tx);
      const cart = await client.cart.findUnique({ where: cartWhere(owner), select: { id: true } });
      return cart ? load(client, cart.id, owner) : null;
    },

    findForUpdate,

    findOrOpenForUpdate,

    async findForCheckout(tx, userId) {
      const cart = await findOrOpenForUpdate(tx, { userId });
      const pending = await prismaTx(db, tx).order.findFirst({
        where: { userId, status: 'PENDING_PAYMENT' },
        select: { id: true },
      });
      return { cart, awaitingPayment: pending?.id ?? null };
    },

    async save(tx, cart) {
      enlist(tx, cart);
      const client = prismaTx(db, tx);
      // When it was last changed: what the sweep of abandoned guest carts judges by.
      await client.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
      const lines = cart.lines;
      await client.cartItem.deleteMany({
        where: { cartId: cart.id, productId: { notIn: lines.map((line) => line.productId) } },
      });
      // In product order, so two saves touching the same lines lock them in the same order.
      const byProduct = [...lines].sort((a, b) => a.productId.localeCompare(b.productId));
      for (const { productId, quantity } of byProduct) {
        await client.cartItem.upsert({
          where: { cartId_productId: { cartId: cart.id, productId } },
          create: { cartId: cart.id, productId, quantity },
          update: { quantity },
        });
      }
    },

    async deleteGuestCartsIdleSince(cutoff, limit) {
      const idle = { guestTokenHash: { not: null }, updatedAt: { lt: cutoff } };
      const ids = await db.cart.findMany({ where: idle, select: { id: true }, take: limit });
      // The condition again: a cart changed since it was listed is kept.
      const { count } = await db.cart.deleteMany({
        where: { ...idle, id: { in: ids.map((row) => row.id) } },
      });
      return count;
    },

    async delete(tx, cart) {
      enlist(tx, cart);
      await prismaTx(db, tx).cart.deleteMany({ where: { id: cart.id } });
    },
  };
}
