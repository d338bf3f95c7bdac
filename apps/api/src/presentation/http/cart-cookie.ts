/**
 * The guest cart's cookie: a guest's cart is found by the token it carries, handed out on the
 * guest's first change to the cart (looking at an empty cart sets nothing). The token is the
 * guest's secret, so only its hash is stored and looked up.
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

/** The cart a change goes to; a guest without one gets the cart cookie now. */
export function cartOwnerForChange(ctx: Context): CartOwner {
  const owner = currentCartOwner(ctx);
  if (owner) return owner;
  const guestToken = ctx.shopping.guestTokens.issue();
  ctx.cookies.set(guestCartCookie, guestToken, { maxAge: guestCartMaxAgeSeconds });
  return { guestTokenHash: ctx.shopping.guestTokens.hash(guestToken) };
}
