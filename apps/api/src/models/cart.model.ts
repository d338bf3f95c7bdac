import { maxLineQuantity } from '@shop/contract/cart';
import { ShopError, soldOut } from './errors';
import { hasPrismaCode, type Db, type Tx } from '../infrastructure/db/transactions';
import { productSelect, type ProductRecord } from './product.model';

export const guestCartCookie = 'shop_cart';
export const guestCartMaxAgeSeconds = 30 * 24 * 60 * 60;

/** An account's cart, or a guest's cart found by the hash of its cookie token. */
export type CartOwner = { userId: string } | { guestTokenHash: string };

export interface CartLineRecord {
  quantity: number;
  product: ProductRecord;
}

const cartWhere = (owner: CartOwner) =>
  'userId' in owner ? { userId: owner.userId } : { guestTokenHash: owner.guestTokenHash };

export async function getCartLines(
  db: Db | Tx,
  owner: CartOwner | null,
): Promise<CartLineRecord[]> {
  if (!owner) return [];
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

async function ensureCartId(db: Db, owner: CartOwner): Promise<string> {
  const where = cartWhere(owner);
  try {
    return (await db.cart.upsert({ where, create: where, update: {}, select: { id: true } })).id;
  } catch (error) {
    if (!hasPrismaCode(error, 'P2002')) throw error;
    return (await db.cart.findUniqueOrThrow({ where, select: { id: true } })).id;
  }
}

async function stockOf(db: Db, productId: string): Promise<number> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { stock: true },
  });
  if (!product) throw new ShopError('NOT_FOUND', 'Product not found');
  if (product.stock <= 0) throw soldOut();
  return product.stock;
}

/**
 * Adds to the line's quantity, capped at the stock on hand. One upsert that adds in the database,
 * so two adds at the same moment both count.
 */
export async function addToCart(db: Db, owner: CartOwner, productId: string, quantity: number) {
  const cap = Math.min(await stockOf(db, productId), maxLineQuantity);
  const cartId = await ensureCartId(db, owner);
  await db.$executeRaw`
    INSERT INTO "CartItem" ("cartId", "productId", "quantity")
    VALUES (${cartId}::uuid, ${productId}::uuid, LEAST(${quantity}::int, ${cap}::int))
    ON CONFLICT ("cartId", "productId")
    DO UPDATE SET "quantity" = LEAST("CartItem"."quantity" + EXCLUDED."quantity", ${cap}::int)`;
  return getCartLines(db, owner);
}

/** Sets the line's quantity (capped at stock); 0 removes the line. */
export async function updateCartLine(
  db: Db,
  owner: CartOwner,
  productId: string,
  quantity: number,
) {
  if (quantity === 0) return removeFromCart(db, owner, productId);
  const stock = await stockOf(db, productId);
  const cartId = await ensureCartId(db, owner);
  const capped = Math.min(quantity, stock, maxLineQuantity);
  await db.cartItem.upsert({
    where: { cartId_productId: { cartId, productId } },
    create: { cartId, productId, quantity: capped },
    update: { quantity: capped },
  });
  return getCartLines(db, owner);
}

export async function removeFromCart(db: Db, owner: CartOwner, productId: string) {
  await db.cartItem.deleteMany({ where: { productId, cart: cartWhere(owner) } });
  return getCartLines(db, owner);
}

/**
 * Moves a guest's lines into the account's cart: quantities summed, capped at stock and at the line
 * maximum; sold-out products stay behind. One statement deletes the guest cart and upserts its lines,
 * so it is atomic: two log-ins at once with the same guest cookie wait on the guest cart's row and
 * the second finds nothing left to add; and the sum is taken in the database from the line as it is
 * then, so an add to the account cart that lands during the merge is kept.
 */
export async function mergeGuestCart(
  db: Db,
  guestTokenHash: string,
  userId: string,
): Promise<void> {
  const guest = await db.cart.findUnique({
    where: { guestTokenHash },
    select: { _count: { select: { items: true } } },
  });
  if (!guest) return;
  if (guest._count.items === 0) {
    await db.cart.deleteMany({ where: { guestTokenHash } });
    return;
  }
  const cartId = await ensureCartId(db, { userId });
  // The guest's lines are read from the statement's snapshot; the cart's deletion cascades to them
  // only at the end of the statement. Lines are written in product order, so two merges into one
  // account cart lock its lines in the same order.
  await db.$executeRaw`
    WITH guest AS (
      DELETE FROM "Cart" WHERE "guestTokenHash" = ${guestTokenHash} RETURNING "id"
    )
    INSERT INTO "CartItem" ("cartId", "productId", "quantity")
    SELECT ${cartId}::uuid, i."productId", LEAST(i."quantity", p."stock", ${maxLineQuantity}::int)
    FROM "CartItem" i
    JOIN guest g ON g."id" = i."cartId"
    JOIN "Product" p ON p."id" = i."productId"
    WHERE p."stock" > 0
    ORDER BY i."productId"
    ON CONFLICT ("cartId", "productId") DO UPDATE SET "quantity" = LEAST(
      "CartItem"."quantity" + EXCLUDED."quantity",
      (SELECT "stock" FROM "Product" WHERE "id" = EXCLUDED."productId"),
      ${maxLineQuantity}::int
    )`;
}

export async function emptyCart(tx: Tx, userId: string): Promise<void> {
  await tx.cartItem.deleteMany({ where: { cart: { userId } } });
}
