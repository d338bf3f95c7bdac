/**
 * The guest cart's cookie: a guest's cart is found by the token it carries, handed out on the
 * guest's first change to the cart (looking at an empty cart sets nothing).
 */
import type { Context } from '../trpc';
import { newGuestCartHolder, type CartHolder } from '../../application/shopping/cart-holder';

export const guestCartCookie = 'shop_cart';
export const guestCartMaxAgeSeconds = 30 * 24 * 60 * 60;

export function currentCartHolder(ctx: Context): CartHolder | null {
  if (ctx.session) return { userId: ctx.session.user.id };
  const guestToken = ctx.cookies.get(guestCartCookie);
  return guestToken ? { guestToken } : null;
}

/** The cart a change goes to; a guest without one gets the cart cookie now. */
export function cartHolderForChange(ctx: Context): CartHolder {
  const holder = currentCartHolder(ctx);
  if (holder) return holder;
  const guest = newGuestCartHolder();
  ctx.cookies.set(guestCartCookie, guest.guestToken, { maxAge: guestCartMaxAgeSeconds });
  return guest;
}
