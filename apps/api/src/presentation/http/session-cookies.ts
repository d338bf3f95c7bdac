import type { Context } from '../trpc';
import { mergeGuestCart } from '../../application/shopping/merge-guest-cart';
import { guestCartCookie } from './cart-cookie';
import {
  createSession,
  deleteSession,
  hashToken,
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
    await mergeGuestCart({ db: ctx.db }, hashToken(guestToken), user.id);
    ctx.cookies.clear(guestCartCookie);
  }
  return user;
}
