/**
 * The guest cart's cookie: a guest's cart is found by the token it carries, handed out with the
 * guest's first change to the cart that goes through (looking at an empty cart sets nothing, and
 * neither does a refused change). The token is the guest's secret, so only its hash is stored and
 * looked up.
 */
import type { CartOwner } from '@shop/domain/shopping/cart';
import type { Context } from '../trpc';

export const guestCartCookie = 'shop_cart';
export const guestCartMaxAgeSeconds = 30 * 24 * 60 * 60;

/** Whose cart the request is about: the logged-in account, or the guest with a cart cookie. */
export function currentCartOwner(ctx: Context): CartOwner | null {
  if (ctx.session) return { userId: ctx.session.user.id };
  const guestToken = ctx.cookies.get(guestCartCookie);
  return guestToken ? { guestTokenHash: ctx.shopping.guestTokens.hash(guestToken) } : null;
}

/**
 * Makes `change` to the request's cart; a guest without one gets a fresh token, whose cookie is
 * set once the change has gone through.
 */
export async function changeOwnCart<T>(
  ctx: Context,
  change: (owner: CartOwner) => Promise<T>,
): Promise<T> {
  const owner = currentCartOwner(ctx);
  if (owner) return change(owner);
  const guestToken = ctx.shopping.guestTokens.issue();
  const result = await change({ guestTokenHash: ctx.shopping.guestTokens.hash(guestToken) });
  ctx.cookies.set(guestCartCookie, guestToken, { maxAge: guestCartMaxAgeSeconds });
  return result;
}
