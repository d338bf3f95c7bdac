/**
 * Carts and their lines. Each change is one statement that does its arithmetic in the database,
 * so simultaneous adds and log-ins neither lose nor double a quantity (see the concurrency tests).
 */
import { hasPrismaCode, type Db, type Tx } from './transactions';
import { productSelect, type ProductRow } from './product.repository';

/** An account's cart, or a guest's cart found by the hash of its cookie token. */
export type CartOwner = { userId: string } | { guestTokenHash: string };

export interface CartLineRow {
  quantity: number;
  product: ProductRow;
}

const cartWhere = (owner: CartOwner) =>
  'userId' in owner ? { userId: owner.userId } : { guestTokenHash: owner.guestTokenHash };

/** The owner's lines, oldest first; none when the owner has no cart yet. */
export async function findCartLines(db: Db | Tx, owner: CartOwner): Promise<CartLineRow[]> {
  const cart = await db.cart.findUnique({
    where: cartWhere(owner),
    select: {
      items: {
        orderBy: { addedAt: 'asc' },
        select: { quantity: true, product: { select: productSelect } },
      },
    },
  });
  return cart?.items ?? [];
}

/** The product's stock on hand, or null when there is no such product. */
export async function findProductStock(db: Db, productId: string): Promise<number | null> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { stock: true },
  });
  return product?.stock ?? null;
}

/** The owner's cart id, creating the cart on first use (a racing creator wins harmlessly). */
export async function ensureCart(db: Db, owner: CartOwner): Promise<string> {
  const where = cartWhere(owner);
  try {
    return (await db.cart.upsert({ where, create: where, update: {}, select: { id: true } })).id;
  } catch (error) {
    if (!hasPrismaCode(error, 'P2002')) throw error;
    return (await db.cart.findUniqueOrThrow({ where, select: { id: true } })).id;
  }
}

/** Adds to the line's quantity, at most `cap`. One upsert that adds in the database. */
export async function addToLine(
  db: Db,
  cartId: string,
  productId: string,
  quantity: number,
  cap: number,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CartItem" ("cartId", "productId", "quantity")
    VALUES (${cartId}::uuid, ${productId}::uuid, LEAST(${quantity}::int, ${cap}::int))
    ON CONFLICT ("cartId", "productId")
    DO UPDATE SET "quantity" = LEAST("CartItem"."quantity" + EXCLUDED."quantity", ${cap}::int)`;
}

export async function setLineQuantity(
  db: Db,
  cartId: string,
  productId: string,
  quantity: number,
): Promise<void> {
  await db.cartItem.upsert({
    where: { cartId_productId: { cartId, productId } },
    create: { cartId, productId, quantity },
    update: { quantity },
  });
}

export async function removeLine(db: Db, owner: CartOwner, productId: string): Promise<void> {
  await db.cartItem.deleteMany({ where: { productId, cart: cartWhere(owner) } });
}

export async function emptyCart(tx: Tx, userId: string): Promise<void> {
  await tx.cartItem.deleteMany({ where: { cart: { userId } } });
}

/** How many lines the guest cart holds, or null when there is no such cart. */
export async function countGuestCartLines(db: Db, guestTokenHash: string): Promise<number | null> {
  const guest = await db.cart.findUnique({
    where: { guestTokenHash },
    select: { _count: { select: { items: true } } },
  });
  return guest ? guest._count.items : null;
}

export async function deleteGuestCart(db: Db, guestTokenHash: string): Promise<void> {
  await db.cart.deleteMany({ where: { guestTokenHash } });
}

/**
 * Moves the guest's lines into the cart `cartId`: quantities summed, capped at stock and at
 * `maxQuantity`; sold-out products stay behind. One statement deletes the guest cart and upserts
 * its lines, so it is atomic: two log-ins at once with the same guest cookie wait on the guest
 * cart's row and the second finds nothing left to add; and the sum is taken in the database from
 * the line as it is then, so an add to the account cart that lands during the merge is kept.
 */
export async function moveGuestLines(
  db: Db,
  guestTokenHash: string,
  cartId: string,
  maxQuantity: number,
): Promise<void> {
  // The guest's lines are read from the statement's snapshot; the cart's deletion cascades to them
  // only at the end of the statement. Lines are written in product order, so two merges into one
  // account cart lock its lines in the same order.
  await db.$executeRaw`
    WITH guest AS (
      DELETE FROM "Cart" WHERE "guestTokenHash" = ${guestTokenHash} RETURNING "id"
    )
    INSERT INTO "CartItem" ("cartId", "productId", "quantity")
    SELECT ${cartId}::uuid, i."productId", LEAST(i."quantity", p."stock", ${maxQuantity}::int)
    FROM "CartItem" i
    JOIN guest g ON g."id" = i."cartId"
    JOIN "Product" p ON p."id" = i."productId"
    WHERE p."stock" > 0
    ORDER BY i."productId"
    ON CONFLICT ("cartId", "productId") DO UPDATE SET "quantity" = LEAST(
      "CartItem"."quantity" + EXCLUDED."quantity",
      (SELECT "stock" FROM "Product" WHERE "id" = EXCLUDED."productId"),
      ${maxQuantity}::int
    )`;
}
