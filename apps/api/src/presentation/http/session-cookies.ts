import type { Context } from '../trpc';
import {
  guestCartCookie,
  guestCartMaxAgeSeconds,
  mergeGuestCart,
  type CartOwner,
} from '../../models/cart.model';
import {
  createSession,
  deleteSession,
  hashToken,
  newToken,
  sessionCookie,
  sessionMaxAgeSeconds,
  type SessionUser,
} from '../../models/session.model';

export function setSessionCookie(ctx: Context, token: string): void {
  ctx.cookies.set(sessionCookie, token, { maxAge: sessionMaxAgeSeconds });
}

/** Opens a fresh session (never reusing a prior token) and moves the guest cart into the account. */
export async function startSession(ctx: Context, user: SessionUser): Promise<SessionUser> {
  if (ctx.session) await deleteSession(ctx.db, ctx.session.id);
  setSessionCookie(ctx, await createSession(ctx.db, user.id));
  const guestToken = ctx.cookies.get(guestCartCookie);
  if (guestToken) {
    await mergeGuestCart(ctx.db, hashToken(guestToken), user.id);
    ctx.cookies.clear(guestCartCookie);
  }
  return user;
}

export function currentCartOwner(ctx: Context): CartOwner | null {
  if (ctx.session) return { userId: ctx.session.user.id };
  const guestToken = ctx.cookies.get(guestCartCookie);
  return guestToken ? { guestTokenHash: hashToken(guestToken) } : null;
}

/** A guest's first change to the cart hands out the cart cookie. */
export function cartOwnerForChange(ctx: Context): CartOwner {
  const owner = currentCartOwner(ctx);
  if (owner) return owner;
  const token = newToken();
  ctx.cookies.set(guestCartCookie, token, { maxAge: guestCartMaxAgeSeconds });
  return { guestTokenHash: hashToken(token) };
}
