import { maxLineQuantity } from '@shop/contract/cart';
import { ShopError, soldOut } from './errors';
import { hasPrismaCode, type Db, type Tx } from './db';
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

/** Moves a guest's lines into the account's cart: quantities summed, capped at stock. */
export async function mergeGuestCart(
  db: Db,
  guestTokenHash: string,
  userId: string,
): Promise<void> {
  const guestLines = await getCartLines(db, { guestTokenHash });
  if (guestLines.length > 0) {
    const cartId = await ensureCartId(db, { userId });
    await db.$transaction(async (tx) => {
      for (const { product, quantity } of guestLines) {
        const where = { cartId_productId: { cartId, productId: product.id } };
        const existing = await tx.cartItem.findUnique({ where, select: { quantity: true } });
        const merged = Math.min(
          (existing?.quantity ?? 0) + quantity,
          product.stock,
          maxLineQuantity,
        );
        if (merged <= 0) continue;
        await tx.cartItem.upsert({
          where,
          create: { cartId, productId: product.id, quantity: merged },
          update: { quantity: merged },
        });
      }
    });
  }
  await db.cart.deleteMany({ where: { guestTokenHash } });
}

export async function emptyCart(tx: Tx, userId: string): Promise<void> {
  await tx.cartItem.deleteMany({ where: { cart: { userId } } });
}
